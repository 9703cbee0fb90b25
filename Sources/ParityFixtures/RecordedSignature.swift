/// An API as the installed framework declares it (`frameworks.<key>.signature`, an optional
/// extension of version 1): what a report holds a mapping page's parameter table against.
public struct RecordedSignature: Sendable, Equatable {
  /// A class's `__init__` parameters without `self`; `nil` for a function.
  public var constructor: [RecordedParameter]?
  /// The call itself: `forward`/`construct`, or the function.
  public var call: [RecordedParameter]

  public init(constructor: [RecordedParameter]?, call: [RecordedParameter]) {
    self.constructor = constructor
    self.call = call
  }
}

/// One parameter of a recorded signature, as Python's `inspect.Parameter` describes it.
public struct RecordedParameter: Sendable, Equatable {
  /// `inspect.Parameter.kind`, spelled as the contract spells it.
  public enum Kind: String, Sendable, CaseIterable {
    case positionalOnly = "positional_only"
    case positionalOrKeyword = "positional_or_keyword"
    case keywordOnly = "keyword_only"
    case varPositional = "var_positional"
    case varKeyword = "var_keyword"
  }

  public var name: String
  public var kind: Kind
  /// `nil` for a required parameter.
  public var defaultValue: RecordedDefault?

  public init(name: String, kind: Kind, defaultValue: RecordedDefault? = nil) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
  }
}

/// A parameter's default: a JSON scalar, or the `repr` of anything else.
public enum RecordedDefault: Sendable, Equatable {
  case string(String)
  case integer(Int64)
  case number(Double)
  case bool(Bool)
  case null
  case repr(String)

  /// As Python source: `'mean'`, `None`, `1e-08`, `True`.
  public var pythonLiteral: String {
    switch self {
    case .string(let s): return "'\(s)'"
    case .integer(let i): return String(i)
    case .number(let d): return Self.python(d)
    case .bool(let b): return b ? "True" : "False"
    case .null: return "None"
    case .repr(let text): return text
    }
  }

  /// Python's `repr` of a float, which Swift's `description` matches for the defaults
  /// frameworks declare (`1e-08`, `0.5`, `1.0`).
  static func python(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.description
  }
}
