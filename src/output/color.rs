//! Whether to colour: `--color` wins; under `auto`, a non-empty `NO_COLOR` turns colour off,
//! a non-empty `FORCE_COLOR` turns it on, and otherwise a terminal decides.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

pub fn should_color(
    choice: ColorChoice,
    is_terminal: bool,
    env: impl Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if set("FORCE_COLOR") => env("FORCE_COLOR").as_deref() != Some("0"),
        ColorChoice::Auto => is_terminal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flag_beats_environment() {
        assert!(should_color(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(!should_color(
            ColorChoice::Never,
            true,
            env(&[("FORCE_COLOR", "1")])
        ));
    }

    #[test]
    fn auto_follows_no_color_then_force_color_then_terminal() {
        assert!(!should_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(should_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "")])
        ));
        assert!(should_color(
            ColorChoice::Auto,
            false,
            env(&[("FORCE_COLOR", "1")])
        ));
        assert!(!should_color(
            ColorChoice::Auto,
            false,
            env(&[("FORCE_COLOR", "0")])
        ));
        assert!(!should_color(ColorChoice::Auto, false, env(&[])));
        assert!(should_color(ColorChoice::Auto, true, env(&[])));
    }
}
