use super::severity::Severity;

/// How a command wants its findings laid out for people. Built by the command from
/// already-redacted findings; the human renderer draws it without knowing the domain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableView {
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns whose content is numeric and reads best right-aligned.
    pub right_aligned: Vec<usize>,
    /// Columns that must not be wrapped (short words such as a status).
    pub unwrapped: Vec<usize>,
    /// Columns that may wrap, but not below this many characters (identifiers people
    /// search for, such as a key).
    pub min_widths: Vec<(usize, u16)>,
    /// Columns of dotted identifiers (configuration keys): as wide as the longest one where
    /// the width allows, else broken after `.`, `_`, `-` or `/`, never inside a word.
    pub identifiers: Vec<usize>,
    /// The same findings as compiler-style diagnostics, printed instead of the table when
    /// the table cannot fit the width without splitting identifiers, the unwrapped columns
    /// or the lower bounds of `min_widths` (a narrow terminal, many environments). They
    /// stand alone: the title, which belongs to the table, is not printed with them.
    pub narrow: Vec<String>,
    /// Findings whose text is too long for cells (reasons, causes): printed the way
    /// compilers print diagnostics, a header line and the explanation indented beneath,
    /// wrapped at word boundaries. When present they are printed instead of `rows`.
    pub diagnostics: Vec<Diagnostic>,
    /// Lines printed under the table (totals, explanations).
    pub footer: Vec<String>,
    /// The footer is preformatted text (a line diff): kept as is, in a monospace block.
    pub preformatted: bool,
}

/// One finding laid out for reading: `severity[rule]: subject  figure`, then the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Option<Severity>,
    /// A label in brackets after the severity: the rule or the finding's kind.
    pub label: String,
    /// What the finding is about: the resource, the service, the key.
    pub subject: String,
    /// The figure that matters (an impact, a saving), at the end of the header.
    pub figure: String,
    /// Short facts, one line each (`region us-east-1 · m5.4xlarge → m5.xlarge`).
    pub facts: Vec<String>,
    /// Paragraphs of explanation (the reason, the fix), wrapped to the width.
    pub body: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    /// Colours the cell when colour is on; the text itself must already say the severity.
    pub severity: Option<Severity>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            severity: None,
        }
    }

    pub fn severity(severity: Severity) -> Self {
        Cell {
            text: severity.as_str().to_string(),
            severity: Some(severity),
        }
    }
}

impl TableView {
    pub fn new<I, S>(headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        TableView {
            headers: headers.into_iter().map(Into::into).collect(),
            ..TableView::default()
        }
    }

    pub fn titled(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}
