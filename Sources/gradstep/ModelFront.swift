import Autodiff
import GraphProgram
import ModelImport
import Stepping

/// The front door for model files: `gradstep model.onnx` with `--set`, `--input NAME=FILE.npy` and
/// `--loss`, turned into the same session a program gives.
struct ModelFront {
  /// The model file's path (`nil` for standard input), for external data and `.npy` files.
  let path: String?
  /// `--set NAME=VALUE` arguments.
  let overrides: [String]
  /// `--input NAME=FILE.npy` arguments.
  let inputFiles: [String]
  /// `--loss` argument, if any.
  let loss: String?

  /// The largest model file read (10 million float64 parameters and the graph around them).
  static let maximumBytes = 96 << 20

  /// Whether a source is a model rather than a program: the `.onnx` extension, or bytes that
  /// start as an ONNX model does (field 1, `ir_version`, a varint), which no program text does.
  static func isModel(path: String?, bytes: [UInt8]) -> Bool {
    path?.lowercased().hasSuffix(".onnx") == true || bytes.first == 0x08
  }

  /// Imports the model in `source`.
  func load(_ source: ProgramSource) throws -> ImportedModel {
    var values: [String: Tensor]
    do {
      values = try Program.parseOverrides(overrides)
    } catch {
      throw UsageError(message: error.render(fileName: "--set"), isRendered: true)
    }
    for argument in inputFiles {
      let (name, file) = try split(argument, option: "--input", example: "x=input.npy")
      if values[name] != nil { throw usageError("input '\(name)' is given twice (--set and --input)") }
      values[name] = try npy(file)
    }
    let options = ImportOptions(inputValues: values, loss: try parsedLoss(), directory: directory)
    do {
      return try ModelImporter.load(bytes: source.bytes, name: source.name, options: options)
    } catch {
      throw usageError(error.message)
    }
  }

  /// The session of an imported model: backward from the loss, the gradient check over the inputs
  /// and parameters, each function with its ONNX node; constants and buffers take no gradient, as
  /// in PyTorch.
  static func session(of model: ImportedModel) -> Session {
    Session(
      output: model.loss, functionOrder: model.functionOrder, inputs: model.inputs + model.parameters,
      origins: model.origins, constantsTakeNoGradient: true)
  }

  /// The model's directory, where external data lives.
  private var directory: String? {
    guard let path, path != ProgramSource.standardInputPath else { return nil }
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  /// `--loss mean`, `mse=VALUE|FILE.npy`, `cross_entropy=[labels]`.
  private func parsedLoss() throws -> LossChoice {
    guard let loss else { return .automatic }
    if loss == "sum" { return .automatic }
    if loss == "mean" { return .mean }
    let (kind, value) = try split(loss, option: "--loss", example: "mse=0")
    switch kind {
    case "mse":
      if value.hasSuffix(".npy") { return .meanSquaredError(target: try npy(value)) }
      return .meanSquaredError(target: try literal(value, option: "--loss mse"))
    case "cross_entropy":
      let labels = try literal(value, option: "--loss cross_entropy").scalars
      guard labels.allSatisfy({ $0 == $0.rounded() && $0 >= 0 && $0 < 1e9 }) else {
        throw usageError("bad --loss cross_entropy=\(value): labels are class indices 0, 1, 2, …")
      }
      return .crossEntropy(labels: labels.map { Int($0) })
    default:
      throw usageError(
        "bad --loss '\(loss)': expected sum, mean, mse=VALUE|FILE.npy or cross_entropy=[labels]")
    }
  }

  /// A number or list as `--set` takes it.
  private func literal(_ text: String, option: String) throws -> Tensor {
    do {
      return try Program.parseOverrides(["value=" + text])["value"]!
    } catch {
      throw usageError("bad \(option)=\(text): expected a number or a list such as [1, 2]")
    }
  }

  /// The array in a `.npy` file, relative to the working directory.
  private func npy(_ file: String) throws -> Tensor {
    let contents: ProgramReader.Contents
    do {
      contents = try ProgramReader.read(
        file, limit: Self.maximumBytes, tooLarge: { count, _ in "it is larger than \(count) bytes" })
    } catch {
      throw usageError("cannot open '\(file)': \(error.reason)")
    }
    do {
      return try NpyFile.tensor(from: contents.bytes, name: file)
    } catch {
      throw usageError(error.message)
    }
  }

  /// `NAME=VALUE` split at the first `=`.
  private func split(_ argument: String, option: String, example: String) throws -> (String, String) {
    guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
      throw usageError("bad \(option) '\(argument)': expected NAME=VALUE, as in \(example)")
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }
}
