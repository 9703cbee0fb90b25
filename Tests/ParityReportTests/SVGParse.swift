import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG text parsed with Foundation's XML parser: fails on anything not well-formed, and
/// keeps each element's name and attributes and each text run for the tests to inspect.
struct SVGParse {
  struct Element {
    var name: String
    var attributes: [String: String]
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  var root: String?
  var elements: [Element] = []
  var texts: [String] = []

  init(_ text: String) throws {
    let collector = Collector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = collector
    guard parser.parse(), collector.error == nil else {
      throw Malformed(description: "not well-formed: \(collector.error ?? parser.parserError.map { "\($0)" } ?? "unknown")")
    }
    elements = collector.elements
    root = elements.first?.name
    texts = collector.texts
  }

  /// The elements named `name` whose attributes include `attributes`.
  func elements(_ name: String, where attributes: [String: String] = [:]) -> [Element] {
    elements.filter { element in
      element.name == name && attributes.allSatisfy { element.attributes[$0.key] == $0.value }
    }
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [Element] = []
    var texts: [String] = []
    var current: String?
    var error: String?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      elements.append(Element(name: elementName, attributes: attributes))
      current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      if let current, !current.isEmpty { texts.append(current) }
      current = nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      error = "\(parseError) at line \(parser.lineNumber)"
    }
  }
}
