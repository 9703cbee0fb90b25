import ParityCore

/// One case: named input tensors and, for each framework, the call made and what it did.
public struct FixtureCase: Sendable {
  /// Unique within its file and stable across re-recordings.
  public var id: String
  public var tags: [String]
  /// Named inputs, in the file's order.
  public var tensors: [(name: String, tensor: Tensor)]
  /// One entry per framework key, in the file's order (`exact` included, with no arguments).
  public var calls: [RecordedCall]
  /// Where the case sits in its file (`cases[3]`), for error messages.
  public var index: Int

  public init(id: String, tags: [String], tensors: [(name: String, tensor: Tensor)], calls: [RecordedCall], index: Int) {
    self.id = id
    self.tags = tags
    self.tensors = tensors
    self.calls = calls
    self.index = index
  }

  public func tensor(named name: String) -> Tensor? {
    tensors.first { $0.name == name }?.tensor
  }

  public func call(_ framework: String) -> RecordedCall? {
    calls.first { $0.framework == framework }
  }
}

/// A framework's call in a case: its arguments as that framework names them, and the outcome.
public struct RecordedCall: Sendable {
  /// The key under `calls`; `exact` is the high-precision reference and has no arguments.
  public var framework: String
  /// The arguments in the file's order; an absent argument was not passed. With
  /// `constructorArguments`, only the call's own.
  public var arguments: [(name: String, value: Argument)]
  /// `init_args`: a class's constructor arguments, kept apart from the call's (a name may be
  /// in both). `nil` when the file has no `init_args`; the adapter's declaration then says
  /// which stage each name of `arguments` belongs to.
  public var constructorArguments: [(name: String, value: Argument)]?
  public var outcome: Outcome
  /// Overrides the default tolerance for the output dtype.
  public var tolerance: Tolerance?

  public init(
    framework: String, arguments: [(name: String, value: Argument)],
    constructorArguments: [(name: String, value: Argument)]? = nil, outcome: Outcome, tolerance: Tolerance?
  ) {
    self.framework = framework
    self.arguments = arguments
    self.constructorArguments = constructorArguments
    self.outcome = outcome
    self.tolerance = tolerance
  }

  /// Every argument, constructor ones first: what a call passes in all.
  public var allArguments: [(name: String, value: Argument)] {
    (constructorArguments ?? []) + arguments
  }

  public static let exactKey = "exact"
}

/// An argument as recorded: a JSON scalar, `null` (None passed explicitly), or a named tensor.
public enum Argument: Sendable, Equatable {
  case string(String)
  /// A JSON number that is an integer literal (no fraction or exponent) and fits `Int64`.
  case integer(Int64)
  case number(Double)
  case bool(Bool)
  case null
  /// `{"tensor": NAME}`; the loader has checked that the case defines `NAME`.
  case tensor(String)
}

/// What the framework did: returned a tensor or raised.
public struct Outcome: Sendable {
  public enum Result: Sendable {
    case value(Tensor)
    case error(RecordedError)
  }

  public var result: Result
  /// Warnings the call emitted, verbatim.
  public var warnings: [String]
  /// `more_values`: the rest of a tuple result, in order, after `result`'s value.
  public var moreValues: [Tensor]

  public init(_ result: Result, warnings: [String] = [], moreValues: [Tensor] = []) {
    self.result = result
    self.warnings = warnings
    self.moreValues = moreValues
  }
}

/// An exception as the framework raised it: `type` and `message` verbatim.
public struct RecordedError: Sendable, Equatable {
  /// The `type` Parity's recorder writes (kind `other`) where a framework's result was
  /// undefined, its message saying why: identical calls returned different results (memory the
  /// call never wrote, or a kernel's launch history), or the recorder knows the kernel reads
  /// memory it never wrote or flushes subnormals on some threads. Such a recording confirms nothing.
  public static let undefinedResultType = "UndefinedResult"

  public var kind: ErrorKind
  public var type: String
  public var message: String

  public init(kind: ErrorKind, type: String, message: String) {
    self.kind = kind
    self.type = type
    self.message = message
  }
}

/// Pass when |actual - expected| <= atol + rtol * |expected|.
public struct Tolerance: Sendable, Equatable, Hashable {
  public var rtol: Double
  public var atol: Double

  public init(rtol: Double, atol: Double) {
    self.rtol = rtol
    self.atol = atol
  }
}
