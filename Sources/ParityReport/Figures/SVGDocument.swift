/// A plain SVG document (no scripts, no external references) built shape by shape.
///
/// Elements are written in the order they are added, numbers with `SVGNumber`'s fixed
/// decimals and text escaped, so the same calls always give the same bytes.
struct SVGDocument {
  enum Anchor: String {
    case start, middle, end
  }

  let width: Int
  let height: Int
  let title: String
  let summary: String
  private var elements: [String] = []

  /// `title` and `summary` become the document's `<title>` and `<desc>` (read by screen readers).
  init(width: Int, height: Int, title: String, summary: String) {
    self.width = width
    self.height = height
    self.title = title
    self.summary = summary
  }

  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
    var attributes = [("x", n(x)), ("y", n(y)), ("width", n(width)), ("height", n(height)), ("fill", fill)]
    if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
    element("rect", attributes)
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil
  ) {
    var attributes = [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("stroke", stroke), ("stroke-width", n(width))]
    if let dash { attributes.append(("stroke-dasharray", dash)) }
    element("line", attributes)
  }

  /// An open line through `points`; nothing for fewer than two.
  mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String? = nil) {
    guard points.count > 1 else { return }
    let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
    var attributes = [("points", list), ("fill", "none"), ("stroke", stroke), ("stroke-width", n(width)),
                      ("stroke-linejoin", "round")]
    if let dash { attributes.append(("stroke-dasharray", dash)) }
    element("polyline", attributes)
  }

  mutating func circle(cx: Double, cy: Double, r: Double, fill: String) {
    element("circle", [("cx", n(cx)), ("cy", n(cy)), ("r", n(r)), ("fill", fill)])
  }

  /// Text at a baseline point; `halo` draws a white outline under it so it stays legible
  /// over lines; `rotation` turns it about its anchor, in degrees.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
    fill: String = "#222222", halo: Bool = false, rotation: Double? = nil
  ) {
    var attributes = [("x", n(x)), ("y", n(y)), ("font-size", n(size)), ("fill", fill)]
    if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
    if bold { attributes.append(("font-weight", "bold")) }
    if halo { attributes += [("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")] }
    if let rotation { attributes.append(("transform", "rotate(\(n(rotation)) \(n(x)) \(n(y)))")) }
    elements.append("<text\(render(attributes))>\(XMLText.escape(content))</text>")
  }

  /// The whole document, ending in a newline.
  var rendered: String {
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" "#
        + #"font-family="DejaVu Sans, Helvetica, Arial, sans-serif">"#,
      "<title>\(XMLText.escape(title))</title>",
      "<desc>\(XMLText.escape(summary))</desc>",
      ##"<rect x="0" y="0" width="\##(width)" height="\##(height)" fill="#ffffff"/>"##,
    ]
    lines += elements
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  private mutating func element(_ name: String, _ attributes: [(String, String)]) {
    elements.append("<\(name)\(render(attributes))/>")
  }

  private func render(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
  }

  private func n(_ value: Double) -> String { SVGNumber.format(value) }
}
