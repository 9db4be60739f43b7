import Autodiff
import GraphProgram

/// Where the program comes from: a file, standard input (`-`), `-e` text, or the built-in seed; and
/// how it is read.
struct ProgramSource {
  /// The name shown in the title line and in error messages (`<stdin>` for standard input).
  let name: String
  /// The program's bytes.
  private(set) var bytes: [UInt8]
  /// Whether the program was read from this process's standard input (`-`, `/dev/stdin`), which is
  /// then used up: interactive keys must come from the terminal (`/dev/tty`) instead.
  var readsStandardInput = false
  /// The file's path, `nil` for standard input, `-e` and the seed.
  var path: String? = nil

  /// Whether the bytes are a model file (ONNX) rather than a program.
  var isModel: Bool { ModelFront.isModel(path: path, bytes: bytes) }

  /// Frees the bytes once a model is imported from them: a model's file is about as large as its
  /// weights, and would otherwise stay in memory, unused, beside them and their gradients.
  mutating func releaseBytes() { bytes = [] }

  /// The path that means standard input.
  static let standardInputPath = "-"

  /// The source the command line names: `-e TEXT`, `FILE`, `-` (standard input), or the seed.
  static func select(file: String?, expression: String?) throws -> ProgramSource {
    switch (file, expression) {
    case (.some, .some):
      throw usageError("give either a program file or -e TEXT, not both")
    case (nil, .some(let text)):
      let bytes = Array(text.utf8)
      guard bytes.count <= Program.maximumBytes else {
        throw usageError("bad -e: \(Program.sizeMessage(byteCount: bytes.count))")
      }
      return ProgramSource(name: "-e", bytes: bytes)
    case (.some(let path), nil):
      if path.hasSuffix(".json") || path.hasSuffix(".dot") {
        throw usageError(
          "'\(path)' is a layout graph, not a GradStep program (.grad): it has no values or ops to step "
            + "through; `swift run -c release gradstep-bench w4` lays such graphs out and counts crossings")
      }
      let isDash = path == standardInputPath
      let contents: ProgramReader.Contents
      do {
        if ModelFront.isModel(path: path, bytes: []) {
          contents = try ProgramReader.read(
            path, limit: ModelFront.maximumBytes,
            tooLarge: { count, _ in
              "the model file is larger than \(count >> 20) MB, beyond what GradStep steps through"
            })
        } else {
          contents = try ProgramReader.read(
            isDash ? nil : path, limit: Program.maximumBytes,
            tooLarge: { Program.sizeMessage(byteCount: $0, stoppedEarly: $1) })
        }
      } catch {
        let what = ModelFront.isModel(path: path, bytes: []) ? "model" : "program"
        throw usageError("cannot open \(what) '\(isDash ? "<stdin>" : path)': \(error.reason)")
      }
      let name = isDash ? "<stdin>" : path.split(separator: "/").last.map(String.init) ?? path
      return ProgramSource(
        name: name, bytes: contents.bytes, readsStandardInput: contents.isStandardInput,
        path: isDash ? nil : path)
    case (nil, nil):
      return ProgramSource(name: EmbeddedSeed.fileName, bytes: Array(EmbeddedSeed.text.utf8))
    }
  }

  /// Parses the program with the `--set NAME=VALUE` overrides; a bad program or override is a
  /// usage error showing the place (`file:line:column`, the line, a caret).
  func parse(overrides arguments: [String]) throws -> Program {
    let overrides: [String: Tensor]
    do {
      overrides = try Program.parseOverrides(arguments)
    } catch {
      throw UsageError(message: error.render(fileName: "--set"), isRendered: true)
    }
    do {
      return try Program.parse(bytes: bytes, overrides: overrides)
    } catch {
      throw UsageError(message: error.render(fileName: name), isRendered: true)
    }
  }
}
