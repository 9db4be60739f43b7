import ArgumentParser
import GradStepUI
import GraphLayout
import GraphProgram
import Stepping
import TerminalUI
import Visualizer

/// `gradstep`: step through the forward and backward passes of a computation graph.
@main
struct GradStepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gradstep",
    abstract: "Watch automatic differentiation happen, one function at a time.",
    discussion: """
      With no program, shows the seed graph of DeZero steps 1–4: x = 0.5, a = square(x), \
      b = exp(a), y = square(b).

      Keys: n/→ next, p/← previous, f all forward, b all backward, g start, Tab select, \
      e edit the selected input (Enter apply, Esc cancel), + - nudge it by the step, . , step ×10 ÷10, \
      / find a node by name (Enter select, Tab next, Esc cancel), N next match, \
      v generations and the backward queue, r retainGrad false (freed grads), \
      w gradient flow (per parameter norms, vanishing/exploding), ! first nan/inf step, \
      s a shared variable's contributions largest first, \
      ↓ j ↑ k ] [ scroll the inspector, d tensor digits, o orientation, c collapse chains, \
      z zoom (boxes, compact, one line, names), = fit the whole graph, a play/pause, H J K L pan, \
      ( ) a screen left/right, ^ $ the graph's first/last end, ? help, \
      Esc close help / editor / search, else clear the selection (never quits), q or Ctrl-C quit; \
      with a repeat line, > < next/previous iteration, { } first/last, i go to iteration N, \
      t plots (loss, path over the loss surface, y(x) and its tangent; also for one scalar input), T log/linear. \
      --keys takes the same keys; \
      names in angle brackets: <left> <right> <up> <down> <S-left> <S-right> <S-up> <S-down> \
      <home> <end> <pgup> <pgdn> <tab> <backtab> <enter> <esc> <bs> <C-u> <space> <lt> <click:X,Y>; \
      <edit:VALUE> edits the selected input (e, the text replaced by VALUE, Enter), \
      <edit:NAME=VALUE> selects the variable NAME first.
      """,
    version: "gradstep 0.1.0"
  )

  @Argument(
    help:
      "A program file (.grad), a model (.onnx), or - for standard input. Without one, the seed graph (seed.grad)."
  )
  var file: String?

  @Option(name: .customShort("e"), help: "Program text, instead of a file: -e 'x = 2; y = x*x'.")
  var expression: String?

  @Option(
    name: .customLong("set"),
    help: "Give an input another value of the same shape: --set x=0.7 (repeatable, once per input).")
  var overrides: [String] = []

  @Option(
    name: .customLong("input"),
    help: "A model input's value from a NumPy file (float or int, C order): --input x=x.npy (repeatable).")
  var inputFiles: [String] = []

  @Option(
    help: ArgumentHelp(
      "Where a model's backward starts: sum (the default for a non-scalar output), mean, mse=VALUE|FILE.npy or cross_entropy=[labels].",
      valueName: "loss"))
  var loss: String?

  @Flag(help: "Render without a terminal and print the screen as text.")
  var headless = false

  @Option(help: "Screen size for --headless, COLSxROWS.")
  var size = "80x24"

  @Option(help: "Keys to press before printing (--headless), e.g. 'nnn' or 'b<left>'.")
  var keys = ""

  @Flag(help: "Print every frame (the start and one after each key), each after a header line.")
  var allFrames = false

  @Flag(help: "Print ANSI colours in --headless output.")
  var color = false

  @Flag(help: "Print the state after the keys as JSON instead of the screen.")
  var json = false

  @Flag(help: "Draw boxes and arrows with ASCII characters only.")
  var ascii = false

  @Option(help: "Graph direction: lr (left to right) or tb (top to bottom).")
  var orientation = "lr"

  @Option(
    help: ArgumentHelp(
      "Export the state the keys reach: dot, svg, asciicast, txt or json.",
      discussion: "asciicast records one frame per key, or every step from the start without --keys."))
  var export: String?

  @Option(
    name: [.customShort("o"), .customLong("output")], help: "File to export to (default: standard output).")
  var output: String?

  @Option(help: "Seconds between the frames of an asciicast export.")
  var delay = 1.0

  mutating func run() throws {
    let (columns, rows) = try parsedSize()
    let keyList = try parsedKeys()
    let direction = try parsedOrientation()
    let exportFormat = try export.map(ExportFormat.named)
    guard delay.isFinite, delay > 0 else {
      throw usageError("bad --delay '\(delay)': expected seconds above 0")
    }
    if output != nil && exportFormat == nil { throw usageError("-o/--output goes with --export FORMAT") }
    var source = try ProgramSource.select(file: file, expression: expression)
    let state = try loadState(&source, orientation: direction)
    let app = App(state: state, screen: Screen())
    if let exportFormat {
      let run = HeadlessRun(app: app, columns: columns, rows: rows, charset: ascii ? .ascii : .unicode)
      return try ExportFile().write(
        exportFormat.render(run, keys: keyList, delay: delay, color: color), to: output)
    }
    guard headless || json else {
      return try runInteractive(app, keysFromTerminalDevice: source.readsStandardInput)
    }
    var run = HeadlessRun(app: app, columns: columns, rows: rows, charset: ascii ? .ascii : .unicode)
    if json {
      run.apply(keys: keyList)
      print(StateJSON.encode(run.app.state))
    } else if allFrames {
      for (header, frame) in run.frames(keys: keyList) {
        print("── \(header) " + String(repeating: "─", count: max(columns - header.count - 4, 0)))
        print(color ? frame.ansiText() : frame.plainText())
      }
    } else {
      let frame = run.finalFrame(keys: keyList)
      print(color ? frame.ansiText() : frame.plainText())
    }
  }

  /// The state of the program or model in `source` at step 0: a model with notes on how it was
  /// set up (inputs filled with a pattern), a program with its lesson and optimisation run; a graph
  /// too large to lay out is refused unless only JSON is asked. A model's file bytes are released
  /// once it is imported, before its backward pass runs.
  private func loadState(_ source: inout ProgramSource, orientation direction: Orientation) throws -> AppState
  {
    if source.isModel {
      let front = ModelFront(path: source.path, overrides: overrides, inputFiles: inputFiles, loss: loss)
      let model = try front.load(source)
      source.releaseBytes()
      let session = ModelFront.session(of: model)
      if !json, let refusal = LayoutLimit.refusal(nodes: session.graph.nodeCount) {
        throw usageError(refusal)
      }
      return AppState(session: session, title: source.name, orientation: direction, notes: model.notes)
    }
    if !inputFiles.isEmpty { throw usageError("--input goes with a model file (.onnx); programs take --set") }
    if loss != nil {
      throw usageError("--loss goes with a model file (.onnx); a program's last line is its output")
    }
    let program = try source.parse(overrides: overrides)
    let nodes = program.variables.count + program.functionsInStatementOrder.count
    if !json, let refusal = LayoutLimit.refusal(nodes: nodes) { throw usageError(refusal) }
    var session = Session(
      output: program.output, functionOrder: program.functionsInStatementOrder,
      inputs: program.inputs.map(\.variable), actions: program.passes.map(GradientAction.init),
      derivations: Dictionary(
        uniqueKeysWithValues: program.derivations.map { (ObjectIdentifier($0.function), $0.derivation) }))
    var optimization: Optimization?
    if let loop = program.loop { (optimization, session) = try loop.run(on: session, fileName: source.name) }
    return AppState(
      session: session, title: source.name, orientation: direction,
      narration: Narration(lesson: program.lesson.introduction, notes: program.lesson.notes),
      optimization: optimization)
  }

  /// Runs `app` on the terminal; exits with 128 + N after signal N, and with 2 when there is no
  /// usable terminal.
  private func runInteractive(_ app: App, keysFromTerminalDevice: Bool) throws {
    let exit: TerminalExit
    do {
      exit = try runInTerminal(
        app, options: TerminalOptions(forceASCII: ascii, keysFromTerminalDevice: keysFromTerminalDevice))
    } catch {
      throw usageError(error.description)
    }
    if exit.exitCode != 0 { throw ExitCode(exit.exitCode) }
  }

  private func parsedSize() throws -> (Int, Int) {
    let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]) else {
      throw usageError("bad --size '\(size)': expected COLSxROWS, for example 80x24")
    }
    guard (1...1000).contains(columns), (1...1000).contains(rows) else {
      throw usageError("bad --size '\(size)': columns and rows must be 1–1000")
    }
    return (columns, rows)
  }

  private func parsedKeys() throws -> [Key] {
    do {
      return try Key.parseScript(keys)
    } catch {
      throw usageError("bad --keys: \(error)")
    }
  }

  private func parsedOrientation() throws -> Orientation {
    switch orientation.lowercased() {
    case "lr": return .leftToRight
    case "tb": return .topToBottom
    default: throw usageError("bad --orientation '\(orientation)': expected lr or tb")
    }
  }
}
