import ParityCore
import ParityFixtures

/// One framework's face of a mapped API: its parameter names, defaults and semantics,
/// over the shared Swift implementation.
public struct FrameworkAdapter: Sendable {
  /// What an adapted call produced: the tensor and the warnings the framework would emit.
  public struct Output: Sendable {
    public var value: Tensor
    public var warnings: [String]
    /// The rest of a tuple result, in order (the fixture's `more_values`).
    public var moreValues: [Tensor]

    public init(value: Tensor, warnings: [String] = [], moreValues: [Tensor] = []) {
      self.value = value
      self.warnings = warnings
      self.moreValues = moreValues
    }
  }

  public typealias Implementation = @Sendable (BoundArguments) throws(CallError) -> Output

  /// The key under a fixture case's `calls` (`pytorch`, `mindspore`).
  public var framework: String
  /// The fully qualified API this adapter emulates, as the fixture's `frameworks` names it.
  public var api: String
  public var signature: Signature
  public var implementation: Implementation
  /// What every call raises before its arguments are bound, when the installed framework has
  /// no such API (`FrameworkAdapter.missing`); `nil` for an API that exists.
  public var unavailable: CallError?

  public init(framework: String, api: String, signature: Signature, implementation: @escaping Implementation) {
    self.framework = framework
    self.api = api
    self.signature = signature
    self.implementation = implementation
  }

  /// The function name Python would print in its errors (`soft_margin_loss`).
  public var functionName: String {
    String(api.split(separator: ".").last ?? Substring(api))
  }

  /// Binds a recorded call and runs it.
  public func call(
    _ arguments: [(name: String, value: Argument)], constructorArguments: [(name: String, value: Argument)]? = nil,
    in fixtureCase: FixtureCase
  ) -> Result<Output, CallError> {
    if let unavailable { return .failure(unavailable) }
    do throws(CallError) {
      let bound = try signature.bind(
        arguments, constructorArguments: constructorArguments, tensors: fixtureCase.tensor(named:), function: functionName)
      return .success(try implementation(bound))
    } catch {
      return .failure(error)
    }
  }
}
