enum Help {
  static let overview = """
    OVERVIEW: Check Swift implementations of deep-learning API mappings against outcomes
    recorded from the real frameworks, and write the mapping reports.

    USAGE: parity [run] [options]
           parity list [fixture options]
           parity diff OLD NEW [--output FILE] [--max-* options]
           parity --help | --version

    SUBCOMMANDS:
      run (default)         Check every recorded outcome and write Reports/.
      list                  List the APIs found under the fixtures folders, with case counts.
      diff OLD NEW          Compare two fixture sets (each a folder or a .json file) as markdown:
                            cases added or removed, changed outcomes, values beyond tolerance,
                            minor changes, provenance. Exit 1 when behaviour changed.

    RUN OPTIONS:
      --reports DIR         Where reports are written (default: Reports).
      --api NAME            Only this API (repeatable).
      --tag TAG             Only cases carrying this tag (repeatable: all must match).
      --case GLOB           Only cases whose id matches this shell glob (repeatable).
      --json FILE           Also write a JSON summary of every check.
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
      swift run parity list
      swift run parity diff old-fixtures/ Fixtures/ --output /tmp/parity-diff.md

    """
}
