/// JSON text of version-1 fixtures for tests: the contract's example, and small builders
/// that let a test change one field and leave the rest valid.
public enum FixtureText {
  /// The header fields before `cases`, as in the contract's example.
  public static let header = """
    "format": "api-mapping-fixture",
    "version": 1,
    "api": "SoftMarginLoss",
    "frameworks": {
      "pytorch":   { "api": "torch.nn.functional.soft_margin_loss", "package": "torch",     "version": "2.15.0", "device": "cpu" },
      "mindspore": { "api": "mindspore.nn.SoftMarginLoss",          "package": "mindspore", "version": "2.10.0", "device": "CPU", "mode": "PYNATIVE_MODE" }
    },
    "recorder": { "script": "Fixtures/record/record.py", "python": "3.11.7", "platform": "Linux-x86_64", "seed": 20261128, "threads": 1 }
    """

  /// The contract's example case.
  public static let exampleCase = """
    {
      "id": "float32/2x2/mean/doc-example",
      "tags": ["doc-example", "dtype:float32", "reduction:mean"],
      "tensors": {
        "x": { "dtype": "float32", "shape": [2, 2], "data": [0.3, 0.7, 0.5, 0.5] },
        "y": { "dtype": "float32", "shape": [2, 2], "data": [-1, 1, 1, -1] }
      },
      "calls": {
        "pytorch":   { "args": { "input": {"tensor": "x"}, "target": {"tensor": "y"}, "reduction": "mean" },
                       "outcome": { "value": { "dtype": "float32", "shape": [], "data": [0.6764238] } } },
        "mindspore": { "args": { "logits": {"tensor": "x"}, "labels": {"tensor": "y"}, "reduction": "mean" },
                       "outcome": { "error": { "kind": "unsupported", "type": "RuntimeError",
                                               "message": "The kernel SoftMarginLoss unregistered." } } }
      }
    }
    """

  /// A whole document: `header` (without braces) and the given case objects.
  public static func document(header: String = header, cases: [String]) -> String {
    "{\n" + header + ",\n\"cases\": [\n" + cases.joined(separator: ",\n") + "\n]\n}\n"
  }

  /// The contract's example as a complete file.
  public static var example: String { document(cases: [exampleCase]) }

  /// A case with the given `tensors` and `calls` objects (JSON text).
  public static func `case`(
    id: String = "case/1",
    tensors: String = #"{ "x": { "dtype": "float32", "shape": [2], "data": [1.5, -2] } }"#,
    calls: String = #"{ "pytorch": { "args": { "input": {"tensor": "x"} }, "outcome": { "value": { "dtype": "float32", "shape": [], "data": [0.5] } } } }"#
  ) -> String {
    #"{ "id": "\#(id)", "tensors": \#(tensors), "calls": \#(calls) }"#
  }

  /// A case holding one tensor `x` (JSON text of the tensor object) and a call that uses it.
  public static func caseWithTensor(_ tensor: String, id: String = "case/1") -> String {
    `case`(id: id, tensors: #"{ "x": \#(tensor) }"#)
  }

  /// A case whose only call is `call` (JSON text of the call object) under `framework`.
  public static func caseWithCall(_ call: String, framework: String = "pytorch", id: String = "case/1") -> String {
    `case`(id: id, calls: #"{ "\#(framework)": \#(call) }"#)
  }
}
