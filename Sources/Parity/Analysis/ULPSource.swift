/// Which pairs of values a ULP histogram counts.
public enum ULPSource: Sendable, Hashable {
  /// A framework's recorded values against the case's exact answer (rounded to the dtype).
  case recordedAgainstExact(framework: String)
  /// The Swift port, called through a framework's adapter, against that framework's recording.
  case swiftAgainstRecorded(framework: String)
}
