import Foundation
import Stepping
import Testing
import Visualizer

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The export renderers: golden files of the seed at its last step, and format checks.
@Suite struct ExportTests {
  /// The seed's app, at 80×24, after `keys`.
  private func seedRun(keys: String) throws -> (state: AppState, frame: ScreenBuffer) {
    let app = App(
      state: AppState(session: Session(output: TestGraphs.seed()), title: "seed.grad"), screen: Screen())
    var run = HeadlessRun(app: app, columns: 80, rows: 24)
    let frame = run.finalFrame(keys: try Key.parseScript(keys))
    return (run.app.state, frame)
  }

  @Test func goldenFilesOfTheSeedAtItsLastStep() throws {
    let (state, frame) = try seedRun(keys: "b")
    assertSnapshot(GraphDOT.encode(state), named: "export-seed-end.dot")
    assertSnapshot(SVGFrame.document(frame), named: "export-seed-end.svg")
  }

  @Test func theDOTMarksTheActiveFunctionAndTheChangedVariables() throws {
    let dot = GraphDOT.encode(try seedRun(keys: "nnnnn").state)
    #expect(dot.hasPrefix("digraph GradStep {"))
    #expect(dot.contains("f2 [shape=box, style=\"filled\", fillcolor=\"#ff79c6\""))
    #expect(dot.contains("v2 [shape=plain, color=\"#00a000\""))  // b.grad arrived this step
    #expect(dot.contains("grad 2.5681"))
    #expect(dot.contains("v0 -> f0;") && dot.contains("f2 -> v3;"))
  }

  /// As on screen: variables rounded and functions square, a tensor a grid with a line per row,
  /// and a shared weight drawn as dashed references beside its far uses, so the RNN is a chain.
  @Test func theDOTDrawsShapesTensorsAndReferencesAsTheScreenDoes() throws {
    let linear = try TestPrograms.state(
      "W = [[1, 2], [3, 4]]\nx = [1, 1]\ny = sum(matmul(W, x))", title: "t")
    let dot = GraphDOT.encode(linear)
    #expect(dot.contains("<table style=\"rounded\""))
    #expect(dot.contains("f0 [shape=box, style=\"filled\""))
    #expect(dot.contains("data [[1.0 2.0]<br/>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; [3.0 4.0]]"))
    var rnn = "w = 0.9\nh0 = 0\n"
    for step in 1...20 { rnn += "h\(step) = tanh(w*h\(step - 1))\n" }
    let chain = GraphDOT.encode(try TestPrograms.state(rnn, title: "rnn"))
    #expect(chain.contains("style=\"rounded,dashed\""))
    #expect(chain.contains("<b>↗w</b>"))
    let fromW = chain.split(separator: "\n").filter { $0.hasPrefix("  v0 -> ") }
    #expect(fromW.count == 1, "w wires only to its first use; the others are references")
  }

  @Test func everySeedFrameIsWellFormedSVGWithTheFramesText() throws {
    let app = App(
      state: AppState(session: Session(output: TestGraphs.seed()), title: "seed.grad"), screen: Screen())
    var run = HeadlessRun(app: app, columns: 80, rows: 24)
    let frames = run.frames(keys: try Key.parseScript("nnnnnnn?"))
    #expect(frames.count == 9)
    for (header, frame) in frames {
      let reader = SVGTextReader()
      let parser = XMLParser(data: Data(SVGFrame.document(frame).utf8))
      parser.delegate = reader
      #expect(parser.parse(), "\(header): \(String(describing: parser.parserError))")
      #expect(reader.lines(rows: frame.rows) == frame.plainLines(), "\(header)")
    }
  }

  @Test func svgEscapesWhatXMLGivesMeaningTo() {
    var frame = ScreenBuffer(columns: 12, rows: 1)
    frame.text("a<b & \"c\">", x: 0, y: 0)
    let svg = SVGFrame.document(frame)
    #expect(svg.contains(">a&lt;b &amp; &quot;c&quot;&gt;"))
    #expect(!svg.contains("a<b"))
  }

  @Test func asciicastIsValidVersion2WithOneEventPerFrame() throws {
    let app = App(
      state: AppState(session: Session(output: TestGraphs.seed()), title: "seed.grad"), screen: Screen())
    var run = HeadlessRun(app: app, columns: 80, rows: 24)
    let frames = run.frames(keys: try Key.parseScript("nnnnnnn")).map(\.frame)
    let recording = Asciicast.recording(of: frames, delay: 0.75, title: "GradStep · seed.grad")
    assertSnapshot(recording, named: "export-seed.cast")
    let lines = recording.split(separator: "\n").map { Data($0.utf8) }
    let header = try #require(try JSONSerialization.jsonObject(with: lines[0]) as? [String: Any])
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 80)
    #expect(header["height"] as? Int == 24)
    #expect(lines.count == 1 + frames.count)
    var previous = -1.0
    for (position, line) in lines.dropFirst().enumerated() {
      let event = try #require(try JSONSerialization.jsonObject(with: line) as? [Any])
      let time = try #require((event[0] as? NSNumber)?.doubleValue)
      #expect(event.count == 3 && event[1] as? String == "o")
      #expect(time > previous && abs(time - Double(position) * 0.75) < 1e-9)
      previous = time
      let output = try #require(event[2] as? String)
      #expect(output.hasPrefix("\u{1B}[H\u{1B}[2J"))
      #expect(output.contains("step \(position)/7"))
    }
  }
}

/// Reads the `<text>` elements of an SVG frame back into rows of characters, by their x and y.
private final class SVGTextReader: NSObject, XMLParserDelegate {
  private var cells = [Int: [Int: Character]]()
  private var current: (column: Int, row: Int)?
  private var text = ""

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard name == "text", let x = attributes["x"].flatMap(Double.init),
      let y = attributes["y"].flatMap(Double.init)
    else { return }
    current = (Int(((x - 10) / 8.4).rounded()), Int(((y - 10 - 17 * 0.78) / 17).rounded()))
    text = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if current != nil { text += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
  {
    guard name == "text", let (column, row) = current else { return }
    for (offset, character) in text.enumerated() { cells[row, default: [:]][column + offset] = character }
    current = nil
  }

  /// The rows as text, trailing spaces trimmed, like ``ScreenBuffer/plainLines()``.
  func lines(rows: Int) -> [String] {
    (0..<rows).map { row in
      let line = cells[row] ?? [:]
      guard let last = line.keys.max() else { return "" }
      var text = String((0...last).map { line[$0] ?? " " })
      while text.last == " " { text.removeLast() }
      return text
    }
  }
}
