extension Shape {
  /// `[2, 3]`: a shape as ATen prints an `IntArrayRef` and Python a list.
  public static func listText(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
  }

  /// `(2, 3)`, `(5,)`, `()`: a shape as Python prints a tuple.
  public static func tupleText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }

  /// `[2,3,]`: a shape as MindSpore's C++ prints a shape vector.
  public static func vectorText(_ shape: [Int]) -> String {
    "[" + shape.map { "\($0)," }.joined() + "]"
  }
}
