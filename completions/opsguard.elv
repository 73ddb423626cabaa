
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
            cand secrets 'Find leaked credentials in git history, commit ranges, staged changes or files'
            cand cost 'Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing and idle waste'
            cand audit 'Run every check opsguard.toml configures (drift, secrets, cost) as one report with one exit status: for the nightly job'
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
            cand flags 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;drift;check'= {
            cand --env 'An environment and its files, layered left to right (later files override earlier)'
            cand --policy 'Policy of expected differences; give it more than once to apply several in order [default: [drift] policy in opsguard.toml]'
            cand --baseline 'Suppress the drift recorded in FILE by `opsguard drift baseline`'
            cand --input-format 'Read every file as this format, whatever its name or content says'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --show-equivalent 'Also list values that differ only in notation (5s vs 5000ms) as notes'
            cand --strict-null 'Report an explicit `null` against an absent key (by default null means unset, as in Helm values and Spring, so null vs absent is no drift)'
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
            cand --input-format 'Read both files as this format, whatever their names or content say'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --text 'Also print a unified line diff of the two files'
            cand --show-equivalent 'Also list values that differ only in notation as notes'
            cand --strict-null 'Report an explicit `null` against an absent key'
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
            cand --policy 'Policy of expected differences; give it more than once to apply several in order [default: [drift] policy in opsguard.toml]'
            cand --baseline 'Suppress the drift recorded in FILE by `opsguard drift baseline`'
            cand --input-format 'Read every file as this format, whatever its name or content says'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --show-equivalent 'Also list values that differ only in notation (5s vs 5000ms) as notes'
            cand --strict-null 'Report an explicit `null` against an absent key (by default null means unset, as in Helm values and Spring, so null vs absent is no drift)'
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
        &'opsguard;drift;flags'= {
            cand --env 'An environment and its files, layered left to right (later files override earlier)'
            cand --prefix 'Keys that are feature flags, as globs over key paths; give it more than once [default: [drift.flags] prefixes, else features.*, flags.*, feature_flags.*, FEATURE_*]'
            cand --older-than 'Report a flag once its state has held this long: 90d, 12w, 6mo, 1y [default: [drift.flags] older_than, else 90d]'
            cand --policy 'Policy files whose `flag = true` rules mark more keys as flags [default: [drift] policy in opsguard.toml]'
            cand --input-format 'Read every file as this format, whatever its name or content says'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --show-emails 'Also print the e-mail address of each flag''s last author'
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
            cand flags 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;drift;help;check'= {
        }
        &'opsguard;drift;help;diff'= {
        }
        &'opsguard;drift;help;baseline'= {
        }
        &'opsguard;drift;help;flags'= {
        }
        &'opsguard;drift;help;help'= {
        }
        &'opsguard;secrets'= {
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
            cand scan 'Scan a repository''s history (all refs), a commit range, the staged changes, or files'
            cand baseline 'Record today''s findings as accepted; `scan --baseline FILE` then reports only new ones'
            cand rules 'List or check rule packs'
            cand hook 'Manage the git pre-commit hook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;secrets;scan'= {
            cand --range 'Scan only the blobs introduced by the commits in A..B'
            cand --rules 'Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or Betterleaks config (`[extend] useDefault = true` adds to the built-in rules)'
            cand --baseline 'Suppress the findings recorded in FILE by `opsguard secrets baseline`'
            cand --max-blob-size 'Skip (and count) blobs larger than this [default: 10MiB]'
            cand --cache 'Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the next scan reads only new commits and blobs; the report stays the same'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --staged 'Scan only what is staged for the next commit'
            cand --no-git 'Scan the files under PATH even if it is a repository (honours .gitignore)'
            cand --strict-rules 'Exit 2 when a rule has to be left out (its regex does not compile) instead of warning and scanning with the others'
            cand --report-unused-ignores 'List baseline entries that no longer match any finding'
            cand --fail-on-incomplete 'Exit 2 when the scan could not read everything (shallow clone, missing objects)'
            cand --no-cache 'Do not use the cache even if `opsguard.toml` turns it on'
            cand --verify 'Ask each secret''s provider whether it still works (read-only requests to the hosts the rule pack names; docs/secrets.md says what is sent where). Live secrets become errors'
            cand --only-active 'With --verify: report only the secrets their provider says are live'
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
        &'opsguard;secrets;baseline'= {
            cand --range 'Scan only the blobs introduced by the commits in A..B'
            cand --rules 'Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or Betterleaks config (`[extend] useDefault = true` adds to the built-in rules)'
            cand --baseline 'Suppress the findings recorded in FILE by `opsguard secrets baseline`'
            cand --max-blob-size 'Skip (and count) blobs larger than this [default: 10MiB]'
            cand --cache 'Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the next scan reads only new commits and blobs; the report stays the same'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --staged 'Scan only what is staged for the next commit'
            cand --no-git 'Scan the files under PATH even if it is a repository (honours .gitignore)'
            cand --strict-rules 'Exit 2 when a rule has to be left out (its regex does not compile) instead of warning and scanning with the others'
            cand --report-unused-ignores 'List baseline entries that no longer match any finding'
            cand --fail-on-incomplete 'Exit 2 when the scan could not read everything (shallow clone, missing objects)'
            cand --no-cache 'Do not use the cache even if `opsguard.toml` turns it on'
            cand --verify 'Ask each secret''s provider whether it still works (read-only requests to the hosts the rule pack names; docs/secrets.md says what is sent where). Live secrets become errors'
            cand --only-active 'With --verify: report only the secrets their provider says are live'
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
        &'opsguard;secrets;rules'= {
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
            cand list 'List the rules in force'
            cand check 'Validate packs and run every rule against its examples and negative examples'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;secrets;rules;list'= {
            cand --rules 'Rules to list instead of the built-in packs'
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
        &'opsguard;secrets;rules;check'= {
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
        &'opsguard;secrets;rules;help'= {
            cand list 'List the rules in force'
            cand check 'Validate packs and run every rule against its examples and negative examples'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;secrets;rules;help;list'= {
        }
        &'opsguard;secrets;rules;help;check'= {
        }
        &'opsguard;secrets;rules;help;help'= {
        }
        &'opsguard;secrets;hook'= {
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
            cand install 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;secrets;hook;install'= {
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --force 'Replace an existing pre-commit hook'
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
        &'opsguard;secrets;hook;help'= {
            cand install 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;secrets;hook;help;install'= {
        }
        &'opsguard;secrets;hook;help;help'= {
        }
        &'opsguard;secrets;help'= {
            cand scan 'Scan a repository''s history (all refs), a commit range, the staged changes, or files'
            cand baseline 'Record today''s findings as accepted; `scan --baseline FILE` then reports only new ones'
            cand rules 'List or check rule packs'
            cand hook 'Manage the git pre-commit hook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;secrets;help;scan'= {
        }
        &'opsguard;secrets;help;baseline'= {
        }
        &'opsguard;secrets;help;rules'= {
            cand list 'List the rules in force'
            cand check 'Validate packs and run every rule against its examples and negative examples'
        }
        &'opsguard;secrets;help;rules;list'= {
        }
        &'opsguard;secrets;help;rules;check'= {
        }
        &'opsguard;secrets;help;hook'= {
            cand install 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`'
        }
        &'opsguard;secrets;help;hook;install'= {
        }
        &'opsguard;secrets;help;help'= {
        }
        &'opsguard;cost'= {
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
            cand anomalies 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them'
            cand budget 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day'
            cand tags 'Share of spend missing each required cost-allocation tag, and the services behind it'
            cand report 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before'
            cand rightsize 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer''s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge'
            cand idle 'Idle waste: idle instances and databases (Trusted Advisor''s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types'
            cand prices 'The on-demand price table behind the estimates'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;cost;anomalies'= {
            cand --source 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
            cand --region 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]'
            cand --metric 'Cost metric: unblended, amortized or net-unblended'
            cand --until 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]'
            cand --days 'Days of history to analyse'
            cand --group-by 'Series to watch: service, account, region, usage-type or tag:KEY [default: service]'
            cand --recent 'Report only anomalies in the last DAYS days (older days are history); 0 reports all [default: 7]'
            cand --min-impact 'Dollars above expected a day must reach [default: 25]'
            cand --min-percent 'Percent above expected a day must reach [default: 20]'
            cand --error-impact 'An anomaly above this many dollars a day is an error, below it a warning [default: 1000]'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --no-cache 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
            cand --organization 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
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
        &'opsguard;cost;budget'= {
            cand --source 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
            cand --region 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]'
            cand --metric 'Cost metric: unblended, amortized or net-unblended'
            cand --until 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]'
            cand --limit 'The budget for the period, in dollars'
            cand --period 'period'
            cand --forecast 'Where the forecast for the rest of the period comes from'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --no-cache 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
            cand --organization 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
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
        &'opsguard;cost;tags'= {
            cand --source 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
            cand --region 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]'
            cand --metric 'Cost metric: unblended, amortized or net-unblended'
            cand --until 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]'
            cand --require 'Cost-allocation tags every resource should carry, comma-separated (e.g. team,env)'
            cand --max-untagged 'Untagged share of spend, in percent, above which a tag is an error'
            cand --days 'Days of spend to look at'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --no-cache 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
            cand --organization 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
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
        &'opsguard;cost;report'= {
            cand --source 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
            cand --region 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]'
            cand --metric 'Cost metric: unblended, amortized or net-unblended'
            cand --until 'Last day to analyse [default: yesterday''s data up to today for AWS, the last day an export has]'
            cand --days 'The period: the last DAYS days up to --until'
            cand --month 'The period: a calendar month (up to --until when it is the current month)'
            cand --group-by 'Groups: service, account, region, usage-type or tag:KEY [default: service]'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --no-cache 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
            cand --organization 'Name the organisation''s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
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
        &'opsguard;cost;rightsize'= {
            cand --source '`aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
            cand --regions 'Regions to look at, comma-separated [default: the profile''s or AWS_REGION, else us-east-1]'
            cand --accounts 'Read these AWS accounts, comma-separated, each through --role-name (the caller''s own account, if listed, with its own credentials)'
            cand --role-name 'The role to assume in each member account [default: OpsguardReadOnly]'
            cand --external-id 'The external ID the member roles'' trust policy requires'
            cand --concurrency 'Accounts × regions read at once [default: 8]'
            cand --lookback-days 'Days of CloudWatch metrics to judge by [default: 14]'
            cand --now 'Judge as of this time: the end of the metric window and the clock for ages (snapshots, stopped instances) [default: now; for a fixture, the end of its window]'
            cand --export 'Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later'
            cand --prices 'A price table that `opsguard cost prices refresh` wrote [default: the embedded rules/cost/prices.csv]'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --all-regions 'Every region enabled for the account (DescribeRegions)'
            cand --organization 'Read every active account of the organisation (Organizations ListAccounts, from the management account or a delegated administrator), each through --role-name'
            cand --cross-family 'Also consider cheaper current-generation families, Graviton (arm64) among them'
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
        &'opsguard;cost;idle'= {
            cand --source '`aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
            cand --regions 'Regions to look at, comma-separated [default: the profile''s or AWS_REGION, else us-east-1]'
            cand --accounts 'Read these AWS accounts, comma-separated, each through --role-name (the caller''s own account, if listed, with its own credentials)'
            cand --role-name 'The role to assume in each member account [default: OpsguardReadOnly]'
            cand --external-id 'The external ID the member roles'' trust policy requires'
            cand --concurrency 'Accounts × regions read at once [default: 8]'
            cand --lookback-days 'Days of CloudWatch metrics to judge by [default: 14]'
            cand --now 'Judge as of this time: the end of the metric window and the clock for ages (snapshots, stopped instances) [default: now; for a fixture, the end of its window]'
            cand --export 'Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later'
            cand --prices 'A price table that `opsguard cost prices refresh` wrote [default: the embedded rules/cost/prices.csv]'
            cand --format 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines'
            cand -o 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --output 'Write the output to PATH instead of stdout (replaced atomically)'
            cand --color 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`'
            cand --config 'Configuration file [default: the nearest opsguard.toml up to the repository root]'
            cand --fail-on 'Lowest severity that makes the exit status 1'
            cand --all-regions 'Every region enabled for the account (DescribeRegions)'
            cand --organization 'Read every active account of the organisation (Organizations ListAccounts, from the management account or a delegated administrator), each through --role-name'
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
        &'opsguard;cost;prices'= {
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
            cand refresh 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;cost;prices;refresh'= {
            cand --write 'Where to write the table (CSV, atomically); pass it to --prices or [cost] prices'
            cand --regions 'Regions to price, comma-separated [default: the regions of the current table]'
            cand --profile 'AWS profile to use (else AWS_PROFILE, then the default chain)'
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
        &'opsguard;cost;prices;help'= {
            cand refresh 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;cost;prices;help;refresh'= {
        }
        &'opsguard;cost;prices;help;help'= {
        }
        &'opsguard;cost;help'= {
            cand anomalies 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them'
            cand budget 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day'
            cand tags 'Share of spend missing each required cost-allocation tag, and the services behind it'
            cand report 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before'
            cand rightsize 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer''s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge'
            cand idle 'Idle waste: idle instances and databases (Trusted Advisor''s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types'
            cand prices 'The on-demand price table behind the estimates'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;cost;help;anomalies'= {
        }
        &'opsguard;cost;help;budget'= {
        }
        &'opsguard;cost;help;tags'= {
        }
        &'opsguard;cost;help;report'= {
        }
        &'opsguard;cost;help;rightsize'= {
        }
        &'opsguard;cost;help;idle'= {
        }
        &'opsguard;cost;help;prices'= {
            cand refresh 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)'
        }
        &'opsguard;cost;help;prices;refresh'= {
        }
        &'opsguard;cost;help;help'= {
        }
        &'opsguard;audit'= {
            cand --only 'Run only these sections, comma-separated'
            cand --skip 'Leave these sections out, comma-separated'
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
            cand secrets 'Find leaked credentials in git history, commit ranges, staged changes or files'
            cand cost 'Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing and idle waste'
            cand audit 'Run every check opsguard.toml configures (drift, secrets, cost) as one report with one exit status: for the nightly job'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand schema 'Print the JSON Schema of the JSON report'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opsguard;help;drift'= {
            cand check 'Compare two or more environments'
            cand diff 'Compare two files with the same engine'
            cand baseline 'Record today''s drift as accepted; `check --baseline FILE` then reports only new drift'
            cand flags 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)'
        }
        &'opsguard;help;drift;check'= {
        }
        &'opsguard;help;drift;diff'= {
        }
        &'opsguard;help;drift;baseline'= {
        }
        &'opsguard;help;drift;flags'= {
        }
        &'opsguard;help;secrets'= {
            cand scan 'Scan a repository''s history (all refs), a commit range, the staged changes, or files'
            cand baseline 'Record today''s findings as accepted; `scan --baseline FILE` then reports only new ones'
            cand rules 'List or check rule packs'
            cand hook 'Manage the git pre-commit hook'
        }
        &'opsguard;help;secrets;scan'= {
        }
        &'opsguard;help;secrets;baseline'= {
        }
        &'opsguard;help;secrets;rules'= {
            cand list 'List the rules in force'
            cand check 'Validate packs and run every rule against its examples and negative examples'
        }
        &'opsguard;help;secrets;rules;list'= {
        }
        &'opsguard;help;secrets;rules;check'= {
        }
        &'opsguard;help;secrets;hook'= {
            cand install 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`'
        }
        &'opsguard;help;secrets;hook;install'= {
        }
        &'opsguard;help;cost'= {
            cand anomalies 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them'
            cand budget 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day'
            cand tags 'Share of spend missing each required cost-allocation tag, and the services behind it'
            cand report 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before'
            cand rightsize 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer''s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge'
            cand idle 'Idle waste: idle instances and databases (Trusted Advisor''s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types'
            cand prices 'The on-demand price table behind the estimates'
        }
        &'opsguard;help;cost;anomalies'= {
        }
        &'opsguard;help;cost;budget'= {
        }
        &'opsguard;help;cost;tags'= {
        }
        &'opsguard;help;cost;report'= {
        }
        &'opsguard;help;cost;rightsize'= {
        }
        &'opsguard;help;cost;idle'= {
        }
        &'opsguard;help;cost;prices'= {
            cand refresh 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)'
        }
        &'opsguard;help;cost;prices;refresh'= {
        }
        &'opsguard;help;audit'= {
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
