/// Walks command-line arguments, taking flags with values as `--flag VALUE` or `--flag=VALUE`.
struct ArgumentScanner {
  private var remaining: [String]
  /// Every flag the command accepts, for "did you mean" suggestions.
  let known: [String]

  init(_ arguments: [String], known: [String]) {
    remaining = arguments
    self.known = known
  }

  /// The next flag name (with its inline value split off), or `nil` at the end.
  mutating func nextFlag() throws(CLIError) -> (name: String, inlineValue: String?)? {
    guard let argument = remaining.first else { return nil }
    remaining.removeFirst()
    guard argument.hasPrefix("-") else {
      throw CLIError.usage("unexpected argument '\(argument)'")
    }
    if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
      return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
    return (argument, nil)
  }

  /// The value of the flag just read.
  mutating func value(for flag: (name: String, inlineValue: String?)) throws(CLIError) -> String {
    if let inline = flag.inlineValue { return inline }
    guard let next = remaining.first, !next.hasPrefix("--") else {
      throw CLIError.usage("\(flag.name) needs a value")
    }
    remaining.removeFirst()
    return next
  }

  /// The next argument if it is not a flag (a positional one, such as a path), else `nil`.
  mutating func nextPositional() -> String? {
    guard let argument = remaining.first, !argument.hasPrefix("-") else { return nil }
    remaining.removeFirst()
    return argument
  }

  func unknown(_ flag: String) -> CLIError {
    let suggestion = Suggestion.closest(to: flag, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    return CLIError.usage("unknown option '\(flag)'\(suggestion)")
  }
}

/// Finds the nearest known word by edit distance, for "did you mean" hints.
public enum Suggestion {
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
  }

  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
