# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_opsguard_global_optspecs
    string join \n format= o/output= color= q/quiet v/verbose config= fail-on= exit-zero show-secrets h/help V/version
end

function __fish_opsguard_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_opsguard_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_opsguard_using_subcommand
    set -l cmd (__fish_opsguard_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c opsguard -n "__fish_opsguard_needs_command" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_needs_command" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_needs_command" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_needs_command" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_needs_command" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_needs_command" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_needs_command" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_needs_command" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_needs_command" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_needs_command" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "drift" -d 'Compare configuration between environments (dev, staging, prod) and report drift'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "secrets" -d 'Find leaked credentials in git history, commit ranges, staged changes or files'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "cost" -d 'Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing and idle waste'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "audit" -d 'Run every check opsguard.toml configures (drift, secrets, cost) as one report with one exit status: for the nightly job'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "schema" -d 'Print the JSON Schema of the JSON report'
complete -c opsguard -n "__fish_opsguard_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -f -a "check" -d 'Compare two or more environments'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -f -a "diff" -d 'Compare two files with the same engine'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -f -a "baseline" -d 'Record today\'s drift as accepted; `check --baseline FILE` then reports only new drift'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -f -a "flags" -d 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and not __fish_seen_subcommand_from check diff baseline flags help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l env -d 'An environment and its files, layered left to right (later files override earlier)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l policy -d 'Policy of expected differences; give it more than once to apply several in order [default: [drift] policy in opsguard.toml]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l baseline -d 'Suppress the drift recorded in FILE by `opsguard drift baseline`' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l input-format -d 'Read every file as this format, whatever its name or content says' -r -f -a "yaml\t''
json\t''
toml\t''
env\t''
ini\t''
properties\t''
tfvars\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l show-equivalent -d 'Also list values that differ only in notation (5s vs 5000ms) as notes'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l strict-null -d 'Report an explicit `null` against an absent key (by default null means unset, as in Helm values and Spring, so null vs absent is no drift)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l policy -d 'Policy of expected differences' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l input-format -d 'Read both files as this format, whatever their names or content say' -r -f -a "yaml\t''
json\t''
toml\t''
env\t''
ini\t''
properties\t''
tfvars\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l text -d 'Also print a unified line diff of the two files'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l show-equivalent -d 'Also list values that differ only in notation as notes'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l strict-null -d 'Report an explicit `null` against an absent key'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l env -d 'An environment and its files, layered left to right (later files override earlier)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l policy -d 'Policy of expected differences; give it more than once to apply several in order [default: [drift] policy in opsguard.toml]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l baseline -d 'Suppress the drift recorded in FILE by `opsguard drift baseline`' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l input-format -d 'Read every file as this format, whatever its name or content says' -r -f -a "yaml\t''
json\t''
toml\t''
env\t''
ini\t''
properties\t''
tfvars\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l show-equivalent -d 'Also list values that differ only in notation (5s vs 5000ms) as notes'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l strict-null -d 'Report an explicit `null` against an absent key (by default null means unset, as in Helm values and Spring, so null vs absent is no drift)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from baseline" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l env -d 'An environment and its files, layered left to right (later files override earlier)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l prefix -d 'Keys that are feature flags, as globs over key paths; give it more than once [default: [drift.flags] prefixes, else features.*, flags.*, feature_flags.*, FEATURE_*]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l older-than -d 'Report a flag once its state has held this long: 90d, 12w, 6mo, 1y [default: [drift.flags] older_than, else 90d]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l policy -d 'Policy files whose `flag = true` rules mark more keys as flags [default: [drift] policy in opsguard.toml]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l input-format -d 'Read every file as this format, whatever its name or content says' -r -f -a "yaml\t''
json\t''
toml\t''
env\t''
ini\t''
properties\t''
tfvars\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l show-emails -d 'Also print the e-mail address of each flag\'s last author'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from flags" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from help" -f -a "check" -d 'Compare two or more environments'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Compare two files with the same engine'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from help" -f -a "baseline" -d 'Record today\'s drift as accepted; `check --baseline FILE` then reports only new drift'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from help" -f -a "flags" -d 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)'
complete -c opsguard -n "__fish_opsguard_using_subcommand drift; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -f -a "scan" -d 'Scan a repository\'s history (all refs), a commit range, the staged changes, or files'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -f -a "baseline" -d 'Record today\'s findings as accepted; `scan --baseline FILE` then reports only new ones'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -f -a "rules" -d 'List or check rule packs'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -f -a "hook" -d 'Manage the git pre-commit hook'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and not __fish_seen_subcommand_from scan baseline rules hook help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l range -d 'Scan only the blobs introduced by the commits in A..B' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l rules -d 'Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or Betterleaks config (`[extend] useDefault = true` adds to the built-in rules)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l baseline -d 'Suppress the findings recorded in FILE by `opsguard secrets baseline`' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l max-blob-size -d 'Skip (and count) blobs larger than this [default: 10MiB]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l cache -d 'Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the next scan reads only new commits and blobs; the report stays the same' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l staged -d 'Scan only what is staged for the next commit'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l no-git -d 'Scan the files under PATH even if it is a repository (honours .gitignore)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l strict-rules -d 'Exit 2 when a rule has to be left out (its regex does not compile) instead of warning and scanning with the others'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l report-unused-ignores -d 'List baseline entries that no longer match any finding'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l fail-on-incomplete -d 'Exit 2 when the scan could not read everything (shallow clone, missing objects)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l no-cache -d 'Do not use the cache even if `opsguard.toml` turns it on'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l verify -d 'Ask each secret\'s provider whether it still works (read-only requests to the hosts the rule pack names; docs/secrets.md says what is sent where). Live secrets become errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l only-active -d 'With --verify: report only the secrets their provider says are live'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from scan" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l range -d 'Scan only the blobs introduced by the commits in A..B' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l rules -d 'Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or Betterleaks config (`[extend] useDefault = true` adds to the built-in rules)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l baseline -d 'Suppress the findings recorded in FILE by `opsguard secrets baseline`' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l max-blob-size -d 'Skip (and count) blobs larger than this [default: 10MiB]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l cache -d 'Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the next scan reads only new commits and blobs; the report stays the same' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l staged -d 'Scan only what is staged for the next commit'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l no-git -d 'Scan the files under PATH even if it is a repository (honours .gitignore)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l strict-rules -d 'Exit 2 when a rule has to be left out (its regex does not compile) instead of warning and scanning with the others'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l report-unused-ignores -d 'List baseline entries that no longer match any finding'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l fail-on-incomplete -d 'Exit 2 when the scan could not read everything (shallow clone, missing objects)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l no-cache -d 'Do not use the cache even if `opsguard.toml` turns it on'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l verify -d 'Ask each secret\'s provider whether it still works (read-only requests to the hosts the rule pack names; docs/secrets.md says what is sent where). Live secrets become errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l only-active -d 'With --verify: report only the secrets their provider says are live'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from baseline" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -f -a "list" -d 'List the rules in force'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -f -a "check" -d 'Validate packs and run every rule against its examples and negative examples'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from rules" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -f -a "install" -d 'Write .git/hooks/pre-commit running `opsguard secrets scan --staged`'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from hook" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Scan a repository\'s history (all refs), a commit range, the staged changes, or files'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "baseline" -d 'Record today\'s findings as accepted; `scan --baseline FILE` then reports only new ones'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "rules" -d 'List or check rule packs'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "hook" -d 'Manage the git pre-commit hook'
complete -c opsguard -n "__fish_opsguard_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "anomalies" -d 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "budget" -d 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "tags" -d 'Share of spend missing each required cost-allocation tag, and the services behind it'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "report" -d 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "rightsize" -d 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer\'s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "idle" -d 'Idle waste: idle instances and databases (Trusted Advisor\'s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "prices" -d 'The on-demand price table behind the estimates'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and not __fish_seen_subcommand_from anomalies budget tags report rightsize idle prices help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l source -d 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l profile -d 'AWS profile to use (else AWS_PROFILE, then the default chain)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l region -d 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l metric -d 'Cost metric: unblended, amortized or net-unblended' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l until -d 'Last day to analyse [default: yesterday\'s data up to today for AWS, the last day an export has]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l days -d 'Days of history to analyse' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l group-by -d 'Series to watch: service, account, region, usage-type or tag:KEY [default: service]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l recent -d 'Report only anomalies in the last DAYS days (older days are history); 0 reports all [default: 7]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l min-impact -d 'Dollars above expected a day must reach [default: 25]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l min-percent -d 'Percent above expected a day must reach [default: 20]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l error-impact -d 'An anomaly above this many dollars a day is an error, below it a warning [default: 1000]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l no-cache -d 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l organization -d 'Name the organisation\'s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from anomalies" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l source -d 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l profile -d 'AWS profile to use (else AWS_PROFILE, then the default chain)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l region -d 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l metric -d 'Cost metric: unblended, amortized or net-unblended' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l until -d 'Last day to analyse [default: yesterday\'s data up to today for AWS, the last day an export has]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l limit -d 'The budget for the period, in dollars' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l period -r -f -a "month\t'The calendar month'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l forecast -d 'Where the forecast for the rest of the period comes from' -r -f -a "aws\t'Cost Explorer\'s forecast (GetCostForecast); the run rate if it fails, said so'
run-rate\t'Our own projection: the last three complete days\' level, shaped by weekday (the pattern of the last eight weeks)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l no-cache -d 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l organization -d 'Name the organisation\'s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from budget" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l source -d 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l profile -d 'AWS profile to use (else AWS_PROFILE, then the default chain)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l region -d 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l metric -d 'Cost metric: unblended, amortized or net-unblended' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l until -d 'Last day to analyse [default: yesterday\'s data up to today for AWS, the last day an export has]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l require -d 'Cost-allocation tags every resource should carry, comma-separated (e.g. team,env)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l max-untagged -d 'Untagged share of spend, in percent, above which a tag is an error' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l days -d 'Days of spend to look at' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l no-cache -d 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l organization -d 'Name the organisation\'s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from tags" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l source -d 'Where costs come from: `aws` (Cost Explorer, the standard credential chain), or `fixture:DIR`, a directory of Cost Explorer exports [default: aws]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l profile -d 'AWS profile to use (else AWS_PROFILE, then the default chain)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l region -d 'Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside the China partition]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l metric -d 'Cost metric: unblended, amortized or net-unblended' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l until -d 'Last day to analyse [default: yesterday\'s data up to today for AWS, the last day an export has]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l days -d 'The period: the last DAYS days up to --until' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l month -d 'The period: a calendar month (up to --until when it is the current month)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l group-by -d 'Groups: service, account, region, usage-type or tag:KEY [default: service]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l no-cache -d 'Ask Cost Explorer for everything instead of reusing the local cache (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l organization -d 'Name the organisation\'s accounts in account groups (`--group-by account`, root causes): Organizations ListAccounts, from the management account'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l source -d '`aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l profile -d 'AWS profile to use (else AWS_PROFILE, then the default chain)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l regions -d 'Regions to look at, comma-separated [default: the profile\'s or AWS_REGION, else us-east-1]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l accounts -d 'Read these AWS accounts, comma-separated, each through --role-name (the caller\'s own account, if listed, with its own credentials)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l role-name -d 'The role to assume in each member account [default: OpsguardReadOnly]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l external-id -d 'The external ID the member roles\' trust policy requires' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l concurrency -d 'Accounts × regions read at once [default: 8]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l lookback-days -d 'Days of CloudWatch metrics to judge by [default: 14]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l now -d 'Judge as of this time: the end of the metric window and the clock for ages (snapshots, stopped instances) [default: now; for a fixture, the end of its window]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l export -d 'Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l prices -d 'A price table that `opsguard cost prices refresh` wrote [default: the embedded rules/cost/prices.csv]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l all-regions -d 'Every region enabled for the account (DescribeRegions)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l organization -d 'Read every active account of the organisation (Organizations ListAccounts, from the management account or a delegated administrator), each through --role-name'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l cross-family -d 'Also consider cheaper current-generation families, Graviton (arm64) among them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from rightsize" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l source -d '`aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l profile -d 'AWS profile to use (else AWS_PROFILE, then the default chain)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l regions -d 'Regions to look at, comma-separated [default: the profile\'s or AWS_REGION, else us-east-1]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l accounts -d 'Read these AWS accounts, comma-separated, each through --role-name (the caller\'s own account, if listed, with its own credentials)' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l role-name -d 'The role to assume in each member account [default: OpsguardReadOnly]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l external-id -d 'The external ID the member roles\' trust policy requires' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l concurrency -d 'Accounts × regions read at once [default: 8]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l lookback-days -d 'Days of CloudWatch metrics to judge by [default: 14]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l now -d 'Judge as of this time: the end of the metric window and the clock for ages (snapshots, stopped instances) [default: now; for a fixture, the end of its window]' -r
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l export -d 'Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l prices -d 'A price table that `opsguard cost prices refresh` wrote [default: the embedded rules/cost/prices.csv]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l all-regions -d 'Every region enabled for the account (DescribeRegions)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l organization -d 'Read every active account of the organisation (Organizations ListAccounts, from the management account or a delegated administrator), each through --role-name'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from idle" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -f -a "refresh" -d 'Rebuild the price table from the AWS Price List API (pricing:GetProducts)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from prices" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "anomalies" -d 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "budget" -d 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "tags" -d 'Share of spend missing each required cost-allocation tag, and the services behind it'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "report" -d 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "rightsize" -d 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer\'s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "idle" -d 'Idle waste: idle instances and databases (Trusted Advisor\'s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "prices" -d 'The on-demand price table behind the estimates'
complete -c opsguard -n "__fish_opsguard_using_subcommand cost; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l only -d 'Run only these sections, comma-separated' -r -f -a "drift\t''
secrets\t''
cost\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l skip -d 'Leave these sections out, comma-separated' -r -f -a "drift\t''
secrets\t''
cost\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand audit" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand completions" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand man" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -l format -d 'Output format: tables for people, or JSON, JSON Lines or SARIF for machines' -r -f -a "human\t'Tables for people'
json\t'One versioned JSON document (see `opsguard schema`)'
jsonl\t'One JSON object per finding and line'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers'
markdown\t'A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked)'
html\t'One self-contained HTML page with charts (secrets masked)'"
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -s o -l output -d 'Write the output to PATH instead of stdout (replaced atomically)' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -l color -d 'When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -l config -d 'Configuration file [default: the nearest opsguard.toml up to the repository root]' -r -F
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -l fail-on -d 'Lowest severity that makes the exit status 1' -r -f -a "note\t''
warning\t''
error\t''"
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv)'
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -l exit-zero -d 'Report findings but exit 0 whatever they are'
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -l show-secrets -d 'Print secret values instead of redacting them'
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opsguard -n "__fish_opsguard_using_subcommand schema" -s V -l version -d 'Print version'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "drift" -d 'Compare configuration between environments (dev, staging, prod) and report drift'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "secrets" -d 'Find leaked credentials in git history, commit ranges, staged changes or files'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "cost" -d 'Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing and idle waste'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "audit" -d 'Run every check opsguard.toml configures (drift, secrets, cost) as one report with one exit status: for the nightly job'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "completions" -d 'Print a shell completion script'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "man" -d 'Print the man page (roff)'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "schema" -d 'Print the JSON Schema of the JSON report'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and not __fish_seen_subcommand_from drift secrets cost audit completions man schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from drift" -f -a "check" -d 'Compare two or more environments'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from drift" -f -a "diff" -d 'Compare two files with the same engine'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from drift" -f -a "baseline" -d 'Record today\'s drift as accepted; `check --baseline FILE` then reports only new drift'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from drift" -f -a "flags" -d 'Feature flags left behind: the same everywhere for months, rollouts stuck below production, flags some environments lack (ages from git blame)'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "scan" -d 'Scan a repository\'s history (all refs), a commit range, the staged changes, or files'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "baseline" -d 'Record today\'s findings as accepted; `scan --baseline FILE` then reports only new ones'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "rules" -d 'List or check rule packs'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "hook" -d 'Manage the git pre-commit hook'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "anomalies" -d 'Find days whose cost broke from its seasonal baseline (spikes and level shifts), with the usage types, regions and accounts behind them'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "budget" -d 'Month-to-date spend and its forecast against a budget: exit 1 when the month is forecast over it, with how much and from which day'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "tags" -d 'Share of spend missing each required cost-allocation tag, and the services behind it'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "report" -d 'Spend by service (or account, region, usage type, tag): totals, yesterday, last 7 days, month to date, last month, and each group against the period before'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "rightsize" -d 'Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute Optimizer\'s P99.5 method, priced saving; for ECS, the task count and the Fargate task size), under-provisioned (a risk, priced fix), production databases without Multi-AZ, and resources with too little data to judge'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "idle" -d 'Idle waste: idle instances and databases (Trusted Advisor\'s rules), unattached volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted volumes, previous-generation types'
complete -c opsguard -n "__fish_opsguard_using_subcommand help; and __fish_seen_subcommand_from cost" -f -a "prices" -d 'The on-demand price table behind the estimates'
