enum Help {
  static let overview = """
    OVERVIEW: Check Swift implementations of deep-learning API mappings against outcomes
    recorded from the real frameworks, and write the mapping reports.

    USAGE: parity [run] [options]
           parity list [fixture options]
           parity show CASE_ID [--api NAME] [fixture options]
           parity diff OLD NEW [--output FILE] [--max-* options]
           parity --help | --version

    SUBCOMMANDS:
      run (default)         Check every recorded outcome and write Reports/.
      list                  List the APIs found under the fixtures folders, with case counts.
      show                  One case in full, with snippets reproducing it in each framework and in Swift.
      diff OLD NEW          Compare two fixture sets (each a folder or a .json file) as markdown:
                            cases added or removed, changed outcomes, values beyond tolerance,
                            minor changes, provenance. Exit 1 when behaviour changed.

    RUN OPTIONS:
      --reports DIR         Where reports are written (default: Reports).
      --api NAME            Only this API (repeatable).
      --tag TAG             Only cases carrying this tag (repeatable: all must match).
      --case GLOB           Only cases whose id matches this shell glob (repeatable).
      --shard I/N           Only the I-th of N disjoint parts of the run (1-based), for parallel CI jobs.
      --json FILE           Also write a JSON summary of every check.
      --junit FILE          Also write JUnit XML (a testsuite per API, a testcase per check).
      --quiet, -q           Print nothing but errors.
      --no-write            Do not write reports.
      --check               Do not write reports; fail if those on disk differ from this run's.

    DIFF OPTIONS:
      --output FILE         Write the markdown to FILE (atomically) instead of stdout.

    FIXTURE OPTIONS (run and list; diff takes the --max-* ones):
      --fixtures DIR        A fixtures folder or file (repeatable; default: Fixtures).
      --max-elements N      Reject tensors with more than N elements (default: 67108864).
      --max-file-bytes N    Reject fixture files larger than N bytes (default: 536870912).
      --max-depth N         Reject JSON nested deeper than N levels (default: 64, at most 512).
      --max-string-length N Reject JSON strings longer than N bytes (default: 67108864).
      --max-numbers N       Reject fixture files with more than N JSON numbers (default: 16777216).

    EXIT STATUS:
      0  every check matched or is unverified
      1  a check is a mismatch (or, with --check, a report is stale)
      2  bad usage or an invalid fixture
      (diff: 0 no behaviour change, 1 behaviour changed, 2 bad usage or an invalid fixture)

    EXAMPLES:
      swift run parity
      swift run parity run --api SoftMarginLoss --tag dtype:float16 --no-write
      swift run parity run --case 'float32/*/none/*' --json /tmp/parity.json --no-write
      swift run parity run --check
      swift run parity run --shard 1/4 --junit junit-1.xml --no-write
      swift run parity list
      swift run parity show float32/2x2/mean/doc-example
      swift run parity diff old-fixtures/ Fixtures/ --output /tmp/parity-diff.md

    """

  static let show = """
    USAGE: parity show CASE_ID [--api NAME] [fixture options]

    Prints one case: its inputs (exact values), what each framework recorded, what the Swift
    port computed through each adapter, and ready-to-run Python (per framework) and Swift
    snippets that reproduce each call. Exits 1 when a check of the case is a mismatch.

    EXAMPLES:
      swift run parity show float32/2x2/mean/doc-example
      swift run parity show 'float16/8/none/edge-input-large' --fixtures Fixtures

    """

  static let list = """
    USAGE: parity list [fixture options]

    Lists each API found under the fixtures folders with its case count and files, and marks
    APIs Parity has no Swift mapping for.

    EXAMPLES:
      swift run parity list
      swift run parity list --fixtures Fixtures --fixtures ../other-recorder/out

    """

  static let diff = """
    USAGE: parity diff OLD NEW [--output FILE] [--max-* options]

    Compares two fixture sets of the same APIs (each a folder or a .json file), OLD as the
    reference: cases added or removed, outcomes that changed class (value/error, error kind,
    dtype, shape), values that moved beyond OLD's tolerance (with ULP figures), warnings,
    minor changes and provenance. Exits 1 when behaviour changed, 0 when not, 2 on bad input.

    EXAMPLES:
      swift run parity diff old-fixtures/ Fixtures/
      swift run parity diff old/SoftMarginLoss.json Fixtures/SoftMarginLoss.json --output /tmp/diff.md

    """
}
