
use builtin;
use str;

set edit:completion:arg-completer[opsguard] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'opsguard'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'opsguard'= {
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand drift 'Compare configuration between environments (dev, staging, prod) and report drift'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand schema 'Print the JSON Schema of the JSON report'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;drift'= {
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Compare two or more environments'
            cand diff 'Compare two files with the same engine'
            cand baseline 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;drift;check'= {
            cand --env 'An environment and its files, layered left to right (later files override earlier)'
            cand --policy 'Policy of expected differences [default: [drift] policy in opsguard.toml]'
            cand --baseline 'Suppress the drift recorded in FILE by `opsguard drift baseline`'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --show-equivalent 'Also list values that differ only in notation (5s vs 5000ms) as notes'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opsguard;drift;diff'= {
            cand --policy 'Policy of expected differences'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --text 'Also print a unified line diff of the two files'
            cand --show-equivalent 'Also list values that differ only in notation as notes'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opsguard;drift;baseline'= {
            cand --env 'An environment and its files, layered left to right (later files override earlier)'
            cand --policy 'Policy of expected differences [default: [drift] policy in opsguard.toml]'
            cand --baseline 'Suppress the drift recorded in FILE by `opsguard drift baseline`'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --show-equivalent 'Also list values that differ only in notation (5s vs 5000ms) as notes'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opsguard;drift;help'= {
            cand check 'Compare two or more environments'
            cand diff 'Compare two files with the same engine'
            cand baseline 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;drift;help;check'= {
        }
        &'opsguard;drift;help;diff'= {
        }
        &'opsguard;drift;help;baseline'= {
        }
        &'opsguard;drift;help;help'= {
        }
        &'opsguard;completions'= {
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opsguard;man'= {
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opsguard;schema'= {
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand -q 'Print nothing on stderr but errors'
            cand --quiet 'Print nothing on stderr but errors'
            cand -v 'More diagnostics on stderr (-v, -vv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv)'
            cand --exit-zero 'Report findings but exit 0 whatever they are'
            cand --show-secrets 'Print secret values instead of redacting them'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opsguard;help'= {
            cand drift 'Compare configuration between environments (dev, staging, prod) and report drift'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand schema 'Print the JSON Schema of the JSON report'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;help;drift'= {
            cand check 'Compare two or more environments'
            cand diff 'Compare two files with the same engine'
            cand baseline 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift'
        }
        &'opsguard;help;drift;check'= {
        }
        &'opsguard;help;drift;diff'= {
        }
        &'opsguard;help;drift;baseline'= {
        }
        &'opsguard;help;completions'= {
        }
        &'opsguard;help;man'= {
        }
        &'opsguard;help;schema'= {
        }
        &'opsguard;help;help'= {
        }
    ]
    $completions[$command]
}
