/// Why a framework call failed, as the fixture contract classifies it.
///
/// The runner compares only kinds, never message text: frameworks word the same failure
/// differently, and the mapping question is whether both refuse the call for the same reason.
public enum ErrorKind: String, CaseIterable, Sendable, Hashable {
  /// Incompatible shapes.
  case shape
  /// Unsupported or mismatched dtype.
  case dtype
  /// An invalid argument value, such as an unknown reduction.
  case argument
  /// The framework has no kernel for the call on the recording platform.
  case unsupported
  case other
}
