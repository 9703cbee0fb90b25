import ParityFixtures

extension RecordedError {
  /// Why the recorder called a result undefined, short enough for a line of evidence: its
  /// message up to the first `": "` (the recorder's messages give the cause first, then what
  /// follows from it), or the whole message.
  var undefinedReason: String {
    guard let colon = message.range(of: ": ") else { return message }
    return String(message[..<colon.lowerBound])
  }
}
