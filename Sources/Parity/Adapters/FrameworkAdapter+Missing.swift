extension FrameworkAdapter {
  /// An API the installed framework does not have (mindspore 2.10's `nn.MultiLabelMarginLoss`,
  /// which its mapping table lists): every call fails where Python looks the name up, with
  /// its `AttributeError` (kind `other`), before any argument is looked at. It declares no
  /// parameters, since there is no signature to declare.
  public static func missing(framework: String, api: String) -> FrameworkAdapter {
    let parts = api.split(separator: ".")
    let module = parts.dropLast().joined(separator: "."), name = parts.last.map(String.init) ?? api
    let error = CallError(kind: .other, message: "module '\(module)' has no attribute '\(name)'")
    var adapter = FrameworkAdapter(framework: framework, api: api, signature: Signature([])) { _ throws(CallError) in throw error }
    adapter.unavailable = error
    return adapter
  }
}
