/// ANSI colour for a terminal, and nothing at all otherwise or when `NO_COLOR` is set
/// (https://no-color.org: any value, even empty, turns colour off).
struct TerminalStyle {
  var colour: Bool

  init(console: Console) {
    colour = console.outputIsTerminal && console.environment["NO_COLOR"] == nil
  }

  func red(_ text: String) -> String { paint(text, "31") }
  func green(_ text: String) -> String { paint(text, "32") }
  func yellow(_ text: String) -> String { paint(text, "33") }
  func bold(_ text: String) -> String { paint(text, "1") }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
