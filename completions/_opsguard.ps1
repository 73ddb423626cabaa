
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'opsguard' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'opsguard'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'opsguard' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'Compare configuration between environments (dev, staging, prod) and report drift')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Find leaked credentials in git history, commit ranges, staged changes or files')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing and idle waste')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Run every check opsguard.toml configures (drift, secrets, cost) as one report with one exit status: for the nightly job')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the JSON report')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;drift' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare two or more environments')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two files with the same engine')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift')
            [CompletionResult]::new('flags', 'flags', [CompletionResultType]::ParameterValue, 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;drift;check' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'An environment and its files, layered left to right (later files override earlier)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Policy of expected differences; give it more than once to apply several in order [default: [drift] policy in opsguard.toml]')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Suppress the drift recorded in FILE by `opsguard drift baseline`')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Read every file as this format, whatever its name or content says')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--show-equivalent', '--show-equivalent', [CompletionResultType]::ParameterName, 'Also list values that differ only in notation (5s vs 5000ms) as notes')
            [CompletionResult]::new('--strict-null', '--strict-null', [CompletionResultType]::ParameterName, 'Report an explicit `null` against an absent key (by default null means unset, as in Helm values and Spring, so null vs absent is no drift)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;drift;diff' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Policy of expected differences')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Read both files as this format, whatever their names or content say')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Also print a unified line diff of the two files')
            [CompletionResult]::new('--show-equivalent', '--show-equivalent', [CompletionResultType]::ParameterName, 'Also list values that differ only in notation as notes')
            [CompletionResult]::new('--strict-null', '--strict-null', [CompletionResultType]::ParameterName, 'Report an explicit `null` against an absent key')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;drift;baseline' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'An environment and its files, layered left to right (later files override earlier)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Policy of expected differences; give it more than once to apply several in order [default: [drift] policy in opsguard.toml]')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Suppress the drift recorded in FILE by `opsguard drift baseline`')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Read every file as this format, whatever its name or content says')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--show-equivalent', '--show-equivalent', [CompletionResultType]::ParameterName, 'Also list values that differ only in notation (5s vs 5000ms) as notes')
            [CompletionResult]::new('--strict-null', '--strict-null', [CompletionResultType]::ParameterName, 'Report an explicit `null` against an absent key (by default null means unset, as in Helm values and Spring, so null vs absent is no drift)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;drift;flags' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'An environment and its files, layered left to right (later files override earlier)')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Keys that are feature flags, as globs over key paths; give it more than once [default: [drift.flags] prefixes, else features.*, flags.*, feature_flags.*, FEATURE_*]')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Report a flag once its state has held this long: 90d, 12w, 6mo, 1y [default: [drift.flags] older_than, else 90d]')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Policy files whose `flag = true` rules mark more keys as flags [default: [drift] policy in opsguard.toml]')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Read every file as this format, whatever its name or content says')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--show-emails', '--show-emails', [CompletionResultType]::ParameterName, 'Also print the e-mail address of each flag''s last author')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;drift;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare two or more environments')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two files with the same engine')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift')
            [CompletionResult]::new('flags', 'flags', [CompletionResultType]::ParameterValue, 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;drift;help;check' {
            break
        }
        'opsguard;drift;help;diff' {
            break
        }
        'opsguard;drift;help;baseline' {
            break
        }
        'opsguard;drift;help;flags' {
            break
        }
        'opsguard;drift;help;help' {
            break
        }
        'opsguard;secrets' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan a repository''s history (all refs), a commit range, the staged changes, or files')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record today''s findings as accepted; `scan --baseline FILE` then reports only new ones')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List or check rule packs')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Manage the git pre-commit hook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;secrets;scan' {
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Scan only the blobs introduced by the commits in A..B')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or Betterleaks config (`[extend] useDefault = true` adds to the built-in rules)')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Suppress the findings recorded in FILE by `opsguard secrets baseline`')
            [CompletionResult]::new('--max-blob-size', '--max-blob-size', [CompletionResultType]::ParameterName, 'Skip (and count) blobs larger than this [default: 10MiB]')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the next scan reads only new commits and blobs; the report stays the same')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--staged', '--staged', [CompletionResultType]::ParameterName, 'Scan only what is staged for the next commit')
            [CompletionResult]::new('--no-git', '--no-git', [CompletionResultType]::ParameterName, 'Scan the files under PATH even if it is a repository (honours .gitignore)')
            [CompletionResult]::new('--strict-rules', '--strict-rules', [CompletionResultType]::ParameterName, 'Exit 2 when a rule has to be left out (its regex does not compile) instead of warning and scanning with the others')
            [CompletionResult]::new('--report-unused-ignores', '--report-unused-ignores', [CompletionResultType]::ParameterName, 'List baseline entries that no longer match any finding')
            [CompletionResult]::new('--fail-on-incomplete', '--fail-on-incomplete', [CompletionResultType]::ParameterName, 'Exit 2 when the scan could not read everything (shallow clone, missing objects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Do not use the cache even if `opsguard.toml` turns it on')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Ask each secret''s provider whether it still works (read-only requests to the hosts the rule pack names; docs/secrets.md says what is sent where). Live secrets become errors')
            [CompletionResult]::new('--only-active', '--only-active', [CompletionResultType]::ParameterName, 'With --verify: report only the secrets their provider says are live')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;secrets;baseline' {
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Scan only the blobs introduced by the commits in A..B')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or Betterleaks config (`[extend] useDefault = true` adds to the built-in rules)')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Suppress the findings recorded in FILE by `opsguard secrets baseline`')
            [CompletionResult]::new('--max-blob-size', '--max-blob-size', [CompletionResultType]::ParameterName, 'Skip (and count) blobs larger than this [default: 10MiB]')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the next scan reads only new commits and blobs; the report stays the same')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--staged', '--staged', [CompletionResultType]::ParameterName, 'Scan only what is staged for the next commit')
            [CompletionResult]::new('--no-git', '--no-git', [CompletionResultType]::ParameterName, 'Scan the files under PATH even if it is a repository (honours .gitignore)')
            [CompletionResult]::new('--strict-rules', '--strict-rules', [CompletionResultType]::ParameterName, 'Exit 2 when a rule has to be left out (its regex does not compile) instead of warning and scanning with the others')
            [CompletionResult]::new('--report-unused-ignores', '--report-unused-ignores', [CompletionResultType]::ParameterName, 'List baseline entries that no longer match any finding')
            [CompletionResult]::new('--fail-on-incomplete', '--fail-on-incomplete', [CompletionResultType]::ParameterName, 'Exit 2 when the scan could not read everything (shallow clone, missing objects)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Do not use the cache even if `opsguard.toml` turns it on')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Ask each secret''s provider whether it still works (read-only requests to the hosts the rule pack names; docs/secrets.md says what is sent where). Live secrets become errors')
            [CompletionResult]::new('--only-active', '--only-active', [CompletionResultType]::ParameterName, 'With --verify: report only the secrets their provider says are live')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;secrets;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the rules in force')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate packs and run every rule against its examples and negative examples')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;secrets;rules;list' {
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules to list instead of the built-in packs')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;secrets;rules;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;secrets;rules;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the rules in force')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate packs and run every rule against its examples and negative examples')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;secrets;rules;help;list' {
            break
        }
        'opsguard;secrets;rules;help;check' {
            break
        }
        'opsguard;secrets;rules;help;help' {
            break
        }
        'opsguard;secrets;hook' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;secrets;hook;install' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing pre-commit hook')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;secrets;hook;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;secrets;hook;help;install' {
            break
        }
        'opsguard;secrets;hook;help;help' {
            break
        }
        'opsguard;secrets;help' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan a repository''s history (all refs), a commit range, the staged changes, or files')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record today''s findings as accepted; `scan --baseline FILE` then reports only new ones')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List or check rule packs')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Manage the git pre-commit hook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;secrets;help;scan' {
            break
        }
        'opsguard;secrets;help;baseline' {
            break
        }
        'opsguard;secrets;help;rules' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the rules in force')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate packs and run every rule against its examples and negative examples')
            break
        }
        'opsguard;secrets;help;rules;list' {
            break
        }
        'opsguard;secrets;help;rules;check' {
            break
        }
        'opsguard;secrets;help;hook' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`')
            break
        }
        'opsguard;secrets;help;hook;install' {
            break
        }
        'opsguard;secrets;help;help' {
            break
        }
        'opsguard;cost' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('anomalies', 'anomalies', [CompletionResultType]::ParameterValue, 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'Share of spend missing each required cost-allocation tag, and the services behind it')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before')
            [CompletionResult]::new('rightsize', 'rightsize', [CompletionResultType]::ParameterValue, 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer''s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge')
            [CompletionResult]::new('idle', 'idle', [CompletionResultType]::ParameterValue, 'Idle waste: idle instances and databases (Trusted Advisor''s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types')
            [CompletionResult]::new('prices', 'prices', [CompletionResultType]::ParameterValue, 'The on-demand price table behind the estimates')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;cost;anomalies' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Cost metric: unblended, amortized or net-unblended')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Days of history to analyse')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Series to watch: service, account, region, usage-type or tag:KEY [default: service]')
            [CompletionResult]::new('--recent', '--recent', [CompletionResultType]::ParameterName, 'Report only anomalies in the last DAYS days (older days are history); 0 reports all [default: 7]')
            [CompletionResult]::new('--min-impact', '--min-impact', [CompletionResultType]::ParameterName, 'Dollars above expected a day must reach [default: 25]')
            [CompletionResult]::new('--min-percent', '--min-percent', [CompletionResultType]::ParameterName, 'Percent above expected a day must reach [default: 20]')
            [CompletionResult]::new('--error-impact', '--error-impact', [CompletionResultType]::ParameterName, 'An anomaly above this many dollars a day is an error, below it a warning [default: 1000]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;budget' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Cost metric: unblended, amortized or net-unblended')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'The budget for the period, in dollars')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'period')
            [CompletionResult]::new('--forecast', '--forecast', [CompletionResultType]::ParameterName, 'Where the forecast for the rest of the period comes from')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;tags' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Cost metric: unblended, amortized or net-unblended')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Cost-allocation tags every resource should carry, comma-separated (e.g. team,env)')
            [CompletionResult]::new('--max-untagged', '--max-untagged', [CompletionResultType]::ParameterName, 'Untagged share of spend, in percent, above which a tag is an error')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Days of spend to look at')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;report' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Cost metric: unblended, amortized or net-unblended')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'The period: the last DAYS days up to --until')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'The period: a calendar month (up to --until when it is the current month)')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Groups: service, account, region, usage-type or tag:KEY [default: service]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;rightsize' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, '`aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'Regions to look at, comma-separated [default: the profile''s or AWS_REGION, else us-east-1]')
            [CompletionResult]::new('--accounts', '--accounts', [CompletionResultType]::ParameterName, 'Read these AWS accounts, comma-separated, each through --role-name (the caller''s own account, if listed, with its own credentials)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The role to assume in each member account [default: OpsguardReadOnly]')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external ID the member roles'' trust policy requires')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts × regions read at once [default: 8]')
            [CompletionResult]::new('--lookback-days', '--lookback-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch metrics to judge by [default: 14]')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Judge as of this time: the end of the metric window and the clock for ages (snapshots, stopped instances) [default: now; for a fixture, the end of its window]')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'A price table that `opsguard cost prices refresh` wrote [default: the embedded rules/cost/prices.csv]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region enabled for the account (DescribeRegions)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Read every active account of the organisation (Organizations ListAccounts, from the management account or a delegated administrator), each through --role-name')
            [CompletionResult]::new('--cross-family', '--cross-family', [CompletionResultType]::ParameterName, 'Also consider cheaper current-generation families, Graviton (arm64) among them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;idle' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, '`aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'Regions to look at, comma-separated [default: the profile''s or AWS_REGION, else us-east-1]')
            [CompletionResult]::new('--accounts', '--accounts', [CompletionResultType]::ParameterName, 'Read these AWS accounts, comma-separated, each through --role-name (the caller''s own account, if listed, with its own credentials)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The role to assume in each member account [default: OpsguardReadOnly]')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external ID the member roles'' trust policy requires')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Accounts × regions read at once [default: 8]')
            [CompletionResult]::new('--lookback-days', '--lookback-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch metrics to judge by [default: 14]')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Judge as of this time: the end of the metric window and the clock for ages (snapshots, stopped instances) [default: now; for a fixture, the end of its window]')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'A price table that `opsguard cost prices refresh` wrote [default: the embedded rules/cost/prices.csv]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region enabled for the account (DescribeRegions)')
            [CompletionResult]::new('--organization', '--organization', [CompletionResultType]::ParameterName, 'Read every active account of the organisation (Organizations ListAccounts, from the management account or a delegated administrator), each through --role-name')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;prices' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;cost;prices;refresh' {
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Where to write the table (CSV, atomically); pass it to --prices or [cost] prices')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'Regions to price, comma-separated [default: the regions of the current table]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (else AWS_PROFILE, then the default chain)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;cost;prices;help' {
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;cost;prices;help;refresh' {
            break
        }
        'opsguard;cost;prices;help;help' {
            break
        }
        'opsguard;cost;help' {
            [CompletionResult]::new('anomalies', 'anomalies', [CompletionResultType]::ParameterValue, 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'Share of spend missing each required cost-allocation tag, and the services behind it')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before')
            [CompletionResult]::new('rightsize', 'rightsize', [CompletionResultType]::ParameterValue, 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer''s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge')
            [CompletionResult]::new('idle', 'idle', [CompletionResultType]::ParameterValue, 'Idle waste: idle instances and databases (Trusted Advisor''s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types')
            [CompletionResult]::new('prices', 'prices', [CompletionResultType]::ParameterValue, 'The on-demand price table behind the estimates')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;cost;help;anomalies' {
            break
        }
        'opsguard;cost;help;budget' {
            break
        }
        'opsguard;cost;help;tags' {
            break
        }
        'opsguard;cost;help;report' {
            break
        }
        'opsguard;cost;help;rightsize' {
            break
        }
        'opsguard;cost;help;idle' {
            break
        }
        'opsguard;cost;help;prices' {
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)')
            break
        }
        'opsguard;cost;help;prices;refresh' {
            break
        }
        'opsguard;cost;help;help' {
            break
        }
        'opsguard;audit' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these sections, comma-separated')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave these sections out, comma-separated')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;completions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;man' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;schema' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout (replaced atomically)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the nearest opsguard.toml up to the repository root]')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit status 1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv)')
            [CompletionResult]::new('--exit-zero', '--exit-zero', [CompletionResultType]::ParameterName, 'Report findings but exit 0 whatever they are')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print secret values instead of redacting them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opsguard;help' {
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'Compare configuration between environments (dev, staging, prod) and report drift')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Find leaked credentials in git history, commit ranges, staged changes or files')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing and idle waste')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Run every check opsguard.toml configures (drift, secrets, cost) as one report with one exit status: for the nightly job')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the JSON report')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opsguard;help;drift' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare two or more environments')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two files with the same engine')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift')
            [CompletionResult]::new('flags', 'flags', [CompletionResultType]::ParameterValue, 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)')
            break
        }
        'opsguard;help;drift;check' {
            break
        }
        'opsguard;help;drift;diff' {
            break
        }
        'opsguard;help;drift;baseline' {
            break
        }
        'opsguard;help;drift;flags' {
            break
        }
        'opsguard;help;secrets' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Scan a repository''s history (all refs), a commit range, the staged changes, or files')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Record today''s findings as accepted; `scan --baseline FILE` then reports only new ones')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List or check rule packs')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Manage the git pre-commit hook')
            break
        }
        'opsguard;help;secrets;scan' {
            break
        }
        'opsguard;help;secrets;baseline' {
            break
        }
        'opsguard;help;secrets;rules' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the rules in force')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate packs and run every rule against its examples and negative examples')
            break
        }
        'opsguard;help;secrets;rules;list' {
            break
        }
        'opsguard;help;secrets;rules;check' {
            break
        }
        'opsguard;help;secrets;hook' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`')
            break
        }
        'opsguard;help;secrets;hook;install' {
            break
        }
        'opsguard;help;cost' {
            [CompletionResult]::new('anomalies', 'anomalies', [CompletionResultType]::ParameterValue, 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'Share of spend missing each required cost-allocation tag, and the services behind it')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before')
            [CompletionResult]::new('rightsize', 'rightsize', [CompletionResultType]::ParameterValue, 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer''s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge')
            [CompletionResult]::new('idle', 'idle', [CompletionResultType]::ParameterValue, 'Idle waste: idle instances and databases (Trusted Advisor''s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types')
            [CompletionResult]::new('prices', 'prices', [CompletionResultType]::ParameterValue, 'The on-demand price table behind the estimates')
            break
        }
        'opsguard;help;cost;anomalies' {
            break
        }
        'opsguard;help;cost;budget' {
            break
        }
        'opsguard;help;cost;tags' {
            break
        }
        'opsguard;help;cost;report' {
            break
        }
        'opsguard;help;cost;rightsize' {
            break
        }
        'opsguard;help;cost;idle' {
            break
        }
        'opsguard;help;cost;prices' {
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)')
            break
        }
        'opsguard;help;cost;prices;refresh' {
            break
        }
        'opsguard;help;audit' {
            break
        }
        'opsguard;help;completions' {
            break
        }
        'opsguard;help;man' {
            break
        }
        'opsguard;help;schema' {
            break
        }
        'opsguard;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
