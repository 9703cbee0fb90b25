import Foundation
import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.functional.soft_margin_loss` and `mindspore.nn.SoftMarginLoss`.
  public static let softMarginLoss = APIMapping(
    id: "SoftMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch",
        api: "torch.nn.functional.soft_margin_loss",
        signature: Signature([
          .tensor("input"), .tensor("target"),
          .optionalBool("size_average"), .optionalBool("reduce"),
          .string("reduction", default: "mean"),
        ])
      ) { arguments throws(CallError) in
        let (reduction, warnings) = try PyTorchReduction.resolve(
          sizeAverage: arguments.optionalBool("size_average"),
          reduce: arguments.optionalBool("reduce"),
          reduction: arguments.string("reduction"))
        let input = try arguments.tensor("input")
        let target = try arguments.tensor("target")
        let value = try CallError.rethrowing { () throws(KernelError) in
          try SoftMarginLoss.pytorch(input: input, target: target, reduction: reduction)
        }
        return .init(value: value, warnings: warnings)
      },
      FrameworkAdapter(
        framework: "mindspore",
        api: "mindspore.nn.SoftMarginLoss",
        signature: Signature([
          .string("reduction", default: "mean", stage: .construction),
          .tensor("logits"), .tensor("labels"),
        ])
      ) { arguments throws(CallError) in
        let reduction = try MindSporeReduction.resolve(arguments.string("reduction"), primitive: "SoftMarginLoss")
        let logits = try arguments.tensor("logits")
        let labels = try arguments.tensor("labels")
        let value = try CallError.rethrowing { () throws(KernelError) in
          try SoftMarginLoss.mindspore(logits: logits, labels: labels, reduction: reduction)
        }
        return .init(value: value)
      },
    ],
    documentation: MappingDocumentation(
      descriptions: [
        "pytorch":
          "Loss function for the binary classification problem, used to calculate the binary loss value for the input Tensor x and the target value Tensor y (containing 1 or -1).",
        "mindspore": "There are no functional differences except for two parameters that have been deprecated in PyTorch.",
      ],
      claim: "There are no functional differences except for two parameters that have been deprecated in PyTorch.",
      parameters: [
        .init(names: ["pytorch": "input", "mindspore": "logits"], difference: "Same function, different parameter names"),
        .init(names: ["pytorch": "target", "mindspore": "labels"], difference: "Same function, different parameter names"),
        .init(
          names: ["pytorch": "size_average"],
          difference: "Deprecated, replaced by reduction. MindSpore does not have this parameter"),
        .init(
          names: ["pytorch": "reduce"], difference: "Deprecated, replaced by reduction. MindSpore does not have this Parameter"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "-"),
      ],
      source: "docs/mindspore/source_en/note/api_mapping/pytorch_diff/SoftMarginLoss.md",
      curves: [.softMarginLoss]))
}

extension MarginCurve {
  /// The loss against the margin m = -x*y, computed with y = 1 and x = -m: where PyTorch's
  /// unstabilised chain overflows to inf, and where log(1 + exp) rounds to 0.
  public static let softMarginLoss = MarginCurve(
    id: "margin",
    title: "soft_margin_loss against the margin m = -x·y",
    xLabel: "margin m = -x·y (input x = -m, target y = 1)",
    panels: [.init(.float16, -20...14), .init(.bfloat16, -110...100), .init(.float32, -110...100), .init(.float64, -760...720)],
    series: [
      CurveSeries(
        key: "exact", label: "exact",
        provenance: "the exact value, m + log1p(exp(-m)) for m > 0 and log1p(exp(m)) otherwise, evaluated in Double "
          + "and not rounded to the dtype (in the log domain where exp(m) is below Double's normal range)",
        log10Losses: { _, margins in margins.map(exactLog10Loss) }),
      CurveSeries(
        key: "pytorch", label: "PyTorch",
        provenance: "the Swift port of PyTorch's CPU chain (neg, mul, exp, log1p, each rounded to the dtype), "
          + "which the recordings verify",
        losses: { dtype, margins throws in
          let (x, y) = inputs(dtype, margins)
          return try SoftMarginLoss.pytorch(input: x, target: y, reduction: .none).storage.doubleValues
        }),
      CurveSeries(
        key: "mindspore", label: "MindSpore kernel form",
        provenance: "the Swift model of MindSpore's documented GPU kernel, log(1 + exp(m)) in the dtype "
          + "(softmarginloss_impl.cu), which cannot be verified on CPU: MindSpore has no CPU kernel",
        losses: { dtype, margins throws in
          let (x, y) = inputs(dtype, margins)
          return try SoftMarginLoss.mindspore(logits: x, labels: y, reduction: .none).storage.doubleValues
        }),
    ],
    annotations: [
      .init(.becomesInfinite, series: "pytorch", label: "PyTorch overflows to inf"),
      .init(.becomesZero, series: "mindspore", label: "log(1 + exp) rounds to 0"),
      .init(.becomesZero, series: "pytorch", label: "PyTorch's exp underflows to 0"),
    ])

  /// x = -m and y = 1 in `dtype` (each margin is a value of it, so both are exact).
  static func inputs(_ dtype: DType, _ margins: [Double]) -> (Tensor, Tensor) {
    (Tensor(dtype: dtype, shape: [margins.count], doubles: margins.map { -$0 }),
     Tensor(dtype: dtype, shape: [margins.count], doubles: Array(repeating: 1, count: margins.count)))
  }

  /// log10 of the exact loss log(1 + exp(m)). Below about m = -708 exp(m) leaves Double's
  /// normal range, but there log1p(exp(m)) = exp(m) to far better than Double's precision,
  /// so log10(loss) = m / ln 10.
  public static func exactLog10Loss(_ m: Double) -> Double {
    if m > 0 { return log10(m + log1p(exp(-m))) }
    let t = exp(m)
    return t >= Double.leastNormalMagnitude ? log10(log1p(t)) : m / M_LN10
  }
}
