/**
 * The help texts: one per command, shown by --help and after a usage error. What names a profile
 * (the --profile choices, the reference targets, a profile's own commands) comes from the registry.
 */
import { allProfiles } from '../profiles';

/** "a, b and c" (`or` for a choice). */
function listed(items: readonly string[], and = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Lines of `text` wrapped at `width`, the first after `first`, the others indented by `indent`. */
function wrapped(text: string, first: string, indent: string, width = 92): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim().length > 0 && line !== first) {
      lines.push(line);
      line = indent;
    }
    line += line === first || line === indent ? word : ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** `--profile P`'s choices: the registry's names, the first the default, each with its note. */
function profileChoices(): string {
  return listed(allProfiles().map((p, i) => `${p.name}${i === 0 ? ' (default)' : ''}${p.target.helpNote ? ` (${p.target.helpNote})` : ''}`), 'or');
}

/** The reference targets, by what the help calls them. */
function referenceTitles(): string {
  return allProfiles().map((p) => p.target.referenceTitle).join(', ');
}

/** The lines of the profiles' own commands in `paycert --help`. */
function profileCommandLines(): string {
  return allProfiles()
    .flatMap((p) => p.target.commands ?? [])
    .map((c) => (c.name.length <= 8 ? `  ${c.name.padEnd(8)} ${c.summary}\n` : `  ${c.name}\n           ${c.summary}\n`))
    .join('');
}

export const mainHelp = (): string => `paycert - conformance and contract test harness for payment APIs

Usage: paycert <command> [options]

Commands:
  run      certify a target (default: the embedded reference target)
  serve    run a reference target on 127.0.0.1 (${referenceTitles()})
  lint     validate scenario files
  merge    merge the reports of sharded runs into one
  verify-report
           check that a run's reports are as its certificate.json recorded them
  baseline write
           make an expected-failure baseline from a report's failures
  replay   run one failed check of a report again: FIXED or STILL FAILING
  selftest prove the harness: certify every known fault and legal variation
  pact     generate the Pact contract, or verify one against any target
  list     list check ids, tags, clauses, faults or variations
  init     write a commented target config for a profile (paycert.config.yaml)
  help     help <command>: that command's options
${profileCommandLines()}
Options:
  -h, --help     this help
  -v, --version  paycert's version

Run 'paycert help <command>' or 'paycert <command> --help' for a command's options.
Exit codes: 0 certified / no problem, 1 not certified, 2 the harness could not run.
`;

export const runHelp = (): string => `Usage: paycert run [options]

Certifies a target against the scenarios in specs/ and the properties in properties/ (and
your own scenario files, --specs). The target config is --config FILE, else the file
PAYCERT_CONFIG names, else paycert.config.yaml or target.yaml in the working directory (the
first line says which); with none of them and no --target it starts the embedded reference
target on an ephemeral port and certifies it.

Options:
${wrapped(`${profileChoices()}; a config's profile: says it too`, '  --profile P      ', '                   ')}
  --config FILE    target config (PROFILE section 4); \${ENV} is expanded
  --target URL     target base URL (overrides base_url; alone, the reference target's
                   published test credentials are used, as for 'paycert serve', and no
                   config is looked for)
  --specs PATH     your scenario files too (repeatable): a folder (searched for *.spec.yaml),
                   a file, or a quoted glob ('qa/**/*.spec.yaml'); a file without profile:
                   is of the run's profile; a check id must not be a built-in one's
  --no-builtin     run only the --specs scenarios, not the built-in checks (PARTIAL)
  --reports DIR    where report.json, junit.xml, summary.md, report.html and
                   certificate.json go (default: reports)
  --reporter LIST  only these reporters (a comma list, repeatable; default all): console
                   (the terminal output), json (report.json, with certificate.json, which
                   vouches for it and hashes the files written beside it; without json no
                   certificate is written), junit (junit.xml), md (summary.md), html
                   (report.html)
  --quiet          the console prints only one line per failed check (and per warning
                   with --strict), the checks not run, and the verdict line: no opening
                   line, no line per check, no progress. The reports are complete
  --strict         a SHOULD failure (warning) also fails certification
  --tag T          only checks tagged T (repeatable); T may be a glob: * any characters,
                   ? one ('refund*'); quote it in the shell
  --check ID       only this check (repeatable); ID may be a glob ('pos.cards.*'). A --tag,
                   --check or --exclude-tag that names nothing is an error (exit 2); the
                   names: 'paycert list checks', 'paycert list tags'
  --exclude-tag T  leave out the checks tagged T (repeatable, globs too); the run is PARTIAL
  --timeout S      per-request timeout in seconds (default: 10): the whole exchange,
                   connect, headers and body
  --max-answer-bytes N
                   read at most N bytes of any answer (65536, 64KiB, 4MiB; default 4MiB): a
                   larger one is cut and fails its check ("answer larger than ...: truncated")
  --max-time S     end the run after S seconds: checks not started by then fail as not run
  --bail           stop starting checks after the first failed one (a warning with --strict
                   counts, a failure the baseline expects does not): the checks in flight
                   finish, the rest fail as not run, and the summary says the run stopped
                   early and why (exit 1)
  --max-failures N the same after N failed checks
  --concurrency N  checks in flight at once (1 to 64, default 4)
  --shard I/N      run shard I of N (merge the shards' reports with 'paycert merge')
  --no-pact        leave out the Pact contract's checks
  --baseline FILE  expected failures (YAML list: check, reason, ticket, expires): a listed
                   failure is KNOWN and does not fail the run; a listed check that passes
                   is FIXED (fails with --strict); an entry past its date fails the run
  --sign-key PEM   sign certificate.json with this Ed25519 private key (PEM file)
  --no-preflight   skip the known-good request sent before the suite (it stops a run whose
                   credentials or base URL are refused, exit 2, naming the likely cause)
  --runs N         cases per property check (default: each property's own)
  --seed S --path P [--replay-path R]
                   replay a property failure exactly, as its report says (with --check ID)
  -h, --help       this help

Progress: on a terminal one line [n/N] with the elapsed time, rewritten in place (no escape
code); in CI (CI set) and when piped a plain 'progress: [n/N] ...' line at each tenth.

Exit codes: 0 certified, or PARTIAL (--tag, --check, --exclude-tag, --shard ran part of the
suite and nothing in it failed); 1 a MUST check failed (or a SHOULD one with --strict, or
--bail / --max-failures stopped the run); 2 the harness could not run (bad config, bad
scenario file, bad option, target unreachable, credentials or base URL refused by the
preflight, reports not writable).
`;

/** A profile's own serve options, two columns as the common ones. */
function serveOptionLines(): string {
  return allProfiles()
    .flatMap((p) => Object.entries(p.target.serveOptions ?? {}).map(([name, help]) => wrapped(`${p.name}: ${help}`, `  --${`${name} X`.padEnd(18)}`, ' '.repeat(22)) + '\n'))
    .join('');
}

export const serveHelp = (): string => `Usage: paycert serve [options]

Runs the reference target of a profile (the default profile's unless --profile): the API exactly
as its PROFILE section reads it, with the state hook of section 4 at /_conformance/state. Its
credentials are the published test values in README.md ('The reference target'). Stop it with
Ctrl-C.

Options:
  --port N            port to listen on (default: 8080; 0 picks a free one)
  --host H            address to bind (default: 127.0.0.1)
${wrapped(`${profileChoices()}`, '  --profile P         ', ' '.repeat(22))}
${serveOptionLines()}  --fault NAME        switch one rule to a known mistake (names: 'paycert list faults
                      --profile P'; 'paycert selftest' proves each is caught)
  --variant N[,N]     take legal variations: choices PROFILE allows and liberties (names:
                      'paycert list variations --profile P')
  -h, --help          this help
`;

export const LIST_HELP = `Usage: paycert list checks|tags|clauses|faults|variations [--profile P] [--json]

Lists what a command may name, one per line (columns separated by two spaces):
  checks       id, level, clause, title        (run --check ID)
  tags         tag, number of checks           (run --tag T)
  clauses      id, level, text                 (the PROFILE clauses checks cite: docs/profile.md)
  faults       name, level, clause, title      (serve --fault NAME, selftest --only NAME)
  variations   name, clause, title             (serve --variant NAME, selftest --only NAME)
Without --profile every profile's, with the profile first.

Options:
  --profile P   only this profile's
  --json        a JSON array of objects instead (each with its profile; checks with their tags)
  -h, --help    this help

Exit codes: 0 listed, 2 an unknown kind or profile.
`;

export const initHelp = (): string => `Usage: paycert init [--profile P] [--out FILE] [--force]

Writes a target config (PROFILE section 4) for a profile, every field with a comment saying
what it is, every secret (HMAC secret, MSK, tokens, merchant keys) an \${ENV} placeholder that
paycert replaces with that environment variable when it reads the file. Set base_url and the
variables it names, then 'paycert run --config FILE'.

Options:
${wrapped(`the target's profile: ${profileChoices()}`, '  --profile P   ', ' '.repeat(16))}
  --out FILE    where to write it (default: paycert.config.yaml in the working directory;
                - prints it)
  --force       overwrite FILE if it exists (without it, an existing file is an error)
  -h, --help    this help

Exit codes: 0 written, 2 the file exists (without --force), cannot be written, or an unknown
profile.
`;

export const LINT_HELP = `Usage: paycert lint [PATHS...] [--specs PATH]... [--no-builtin] [--profile P]

Validates scenario files (default: specs/) against the scenario schema and the checks a
schema cannot make. Each problem is one line: file:line:col: path: what is wrong.

Options:
  --specs PATH     lint your scenario files as 'paycert run --specs' loads them (repeatable:
                   a folder, a file or a quoted glob): with the built-in ones, their check
                   ids checked against every built-in check's
  --no-builtin     with --specs: lint only yours (their ids are still checked)
  --profile P      the profile of a file without profile: (default: the first profile)

Exit codes: 0 no problem, 2 a problem was found.
`;

export const MERGE_HELP = `Usage: paycert merge DIR... [--out DIR] [--sign-key PEM]

Merges the reports (report.json) that sharded runs wrote into DIR... into one report.json,
junit.xml and summary.md.

Options:
  --out DIR        where the merged reports go (default: reports)
  --sign-key PEM   sign the merged certificate.json with this Ed25519 private key

Every shard's target is kept (report.json's "targets"). The merge is PARTIAL only when a
filter other than --shard was set, or when a shard I/N of 1..N is missing.
  -h, --help   this help

Exit codes: 0 certified, 1 not certified, 2 a report could not be read.
`;

export const REPLAY_HELP = `Usage: paycert replay REPORT CHECK_ID [--config FILE | --target URL] [--timeout S]

Runs one check that failed (or warned) in a report again, against the same target: the config
or URL the run was given (the report records them, never a secret), or a fresh embedded target,
with the report's profile and, for a property, its seed and path. The requests are built and
signed anew (fresh timestamp and nonce). Prints FIXED when the check passes now, or STILL
FAILING with the new failure. Writes no report.

Arguments:
  REPORT           a report.json, or the directory holding it
  CHECK_ID         the id of a check that failed or warned in it

Options:
  --config FILE    target config to use instead of the one the report names
  --target URL     target base URL to use instead of the report's
  --timeout S      per-request timeout in seconds (default: the run's, else 10)
  --max-answer-bytes N
                   read at most N bytes of any answer (65536, 64KiB, 4MiB; default: the run's, else 4MiB): a
                   larger one is cut and fails its check ("answer larger than ...: truncated")
  -h, --help       this help

Exit codes: 0 fixed, 1 still failing, 2 the replay could not run (no such report, a check the
report did not fail, a target unreachable).
`;

export const VERIFY_REPORT_HELP = `Usage: paycert verify-report [DIR] [--verify-key PEM]

Checks the reports a run wrote in DIR (default: reports) against its certificate.json: that no
report file was altered or removed (SHA-256), that no report file lies there uncertified, that
the certificate says what report.json says, that the run's suite hash is this harness's suite
(specs, probes, properties, contracts, schemas), and, when the certificate is signed, that the
Ed25519 signature verifies. One line per finding, then VERIFIED or NOT VERIFIED.

Options:
  --verify-key PEM   the lab's Ed25519 public key (a private key PEM also works): the signature
                     must verify with it. Without it, a signature is checked against the key
                     the certificate names, which proves integrity, not who signed.
  -h, --help         this help

Exit codes: 0 verified, 1 not verified (altered, missing, another suite, a bad signature),
2 bad input (no such directory, no or unreadable certificate.json, a bad key file).
`;

export const BASELINE_HELP = `Usage: paycert baseline write [--report DIR] [--out FILE]

Makes an expected-failure baseline from a run's report: one entry per check that failed or
warned, with reason "TODO: why" and no expiry date (give each its reason, and a ticket and an
expires date if you can); checks the run's own baseline listed keep their reason, ticket and
date. Use it with 'paycert run --baseline FILE' (or PAYCERT_BASELINE=FILE under plain jest).

Options:
  --report DIR   the run's reports folder, or its report.json (default: reports)
  --out FILE     where to write it (default: paycert-baseline.yaml; - prints it)
  -h, --help     this help

Exit codes: 0 written, 2 the report could not be read or the file not written.
`;

export const selftestHelp = (): string => `Usage: paycert selftest [options]

${wrapped(`Proves the harness: certifies every faulty variant of the reference targets (${listed(allProfiles().map((p) => p.target.referenceTitle))}; one rule switched to a mistake real implementers make) and every legal variation (each MAY of PROFILE, and liberties`, '', '', 96)}
such as lower-case hex or extra fields), each on its own ephemeral port, several at once.
It passes when every MUST fault fails certification, every SHOULD fault gives a warning (and
fails with --strict), and every variation is certified with no failure and no warning.
Prints the detection matrix and the scores and writes them to DIR/selftest.md.

Options:
  --reports DIR   where selftest.md goes (default: reports)
  --jobs N        targets certified at once in each process (default: 6)
  --workers N     processes that share the catalogue (default: the cores, at most 2)
  --only NAME     only this fault or variation (repeatable; one process)
  --full          every check against every fault, for the whole detection matrix (slower);
                  by default a MUST fault meets the checks its catalogue names, then the
                  others until one fails: the same judgement
  -h, --help      this help

Exit codes: 0 both scores 100%, 1 a fault was missed or a variation failed, 2 bad usage.
`;

/** The contract `paycert pact generate` writes by default: the first profile's that has one. */
function defaultContractFile(): string {
  const names = allProfiles().find((p) => p.contract)?.contract?.names;
  return names ? `contracts/${names.consumer}-${names.provider}.json` : 'none';
}

export const PACT_HELP = `Usage: paycert pact generate [--out DIR] [--consumer NAME] [--provider NAME]
       paycert pact verify [--profile P] [--config FILE | --target URL] [--pact FILE]
                           [--timeout S] [--max-answer-bytes N]

generate  runs the Pact consumer tests (pact-js PactV4 and its mock server, on jest) made from
          the contract scenarios of specs/ (those with a 'contract' block) and writes the contract
          DIR/CONSUMER-PROVIDER.json (default: ${defaultContractFile()}),
          rewritten from scratch. Example envelopes are real ciphertexts under the published test
          MSK with fixed IVs, so the file is stable; every plaintext is in the interaction's comments.
verify    verifies a contract against a target, with pact-js's Verifier from the local file:
          --profile P (viopay-pos, vpws) takes P's contract in contracts/ and, without a config,
          P's embedded target; --pact FILE any contract (default: viopay-pos's). POS: each request
          is re-encrypted under the target's MSK and signed with its secret (negative interactions
          wrong on purpose), provider states are set up through the API and the target's state
          hook, and every decrypted answer is compared with the contract's plaintext. VPWS: the
          dealers' tokens come from the config. The VPWS contract also verifies with stock Pact
          tools (pact-js Verifier, pact_verifier_cli) given the target's state hook as the state
          change URL; the POS contract cannot (its requests must be signed). Without
          --config/--target: PAYCERT_CONFIG, else paycert.config.yaml or target.yaml in the
          working directory, else the embedded reference target.

Exit codes: 0 every interaction verified, 1 an interaction failed, 2 the harness could not run.
`;
