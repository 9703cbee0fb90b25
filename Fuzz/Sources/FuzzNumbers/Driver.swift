/// SwiftPM links an executable target with `main` defined as `FuzzNumbers_main` (so tests can
/// link it), which keeps libFuzzer's own `main` out; this one hands control to libFuzzer's
/// driver with the entry point, exactly as libFuzzer's `main` would.
@_cdecl("FuzzNumbers_main")
public func FuzzNumbersMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzNumbers)
}

/// The driver from libFuzzer's runtime (`-sanitize=fuzzer` links it).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
