import ParityCore
import ParityKernels
import XCTest

/// Fails unless `body` throws a `KernelError` of `kind` whose message contains `text`.
func XCTAssertThrowsKernelError(
  _ kind: ErrorKind, containing text: String, file: StaticString = #filePath, line: UInt = #line,
  _ body: () throws -> Tensor
) {
  do {
    let value = try body()
    XCTFail("expected a \(kind) error, got \(value)", file: file, line: line)
  } catch let error as KernelError {
    XCTAssertEqual(error.kind, kind, error.message, file: file, line: line)
    XCTAssertTrue(error.message.contains(text), "message: \(error.message)", file: file, line: line)
  } catch {
    XCTFail("unexpected error \(error)", file: file, line: line)
  }
}
