import Autodiff
import GraphProgram
import Stepping
import Testing

/// A value that is not a finite number is refused with the same words whichever way it comes in:
/// a program's literal (a number or in a list), `--set`, the value editor; and a nudge never
/// rounds past the largest double to infinity.
@Suite struct NonFiniteValueTests {
  static let hugeInteger = "1" + String(repeating: "0", count: 100_000)

  @Test(arguments: [
    ("1e99999", NonFiniteValue.overflow("1e99999")),
    (
      hugeInteger,
      "number '10000000…000000' is not finite; values must be finite numbers"
    ),
    ("[1, 1e999]", NonFiniteValue.overflow("1e999")),
    ("[[1, 2], [3, 1e999]]", NonFiniteValue.overflow("1e999")),
    ("inf", "'inf' is not a finite number; values must be finite numbers"),
    ("-Infinity", NonFiniteValue.named("Infinity")),
    ("[nan, 1]", NonFiniteValue.named("nan")),
  ])
  func everyEntryRefusesItAlike(text: String, message: String) throws {
    #expect(throws: ProgramError.self) { try Program.parse("x = \(text)\ny = sum(x * x)") }
    #expect(Self.message { try Program.parse("x = \(text)\ny = sum(x * x)") } == message, "literal")
    #expect(Self.message { try Program.parseOverride("x=\(text)") } == message, "--set")
    let shape = text.hasPrefix("[[") ? "[[0, 0], [0, 0]]" : text.hasPrefix("[") ? "[0, 0]" : "0"
    let session = Session(program: try Program.parse("x = \(shape)\ny = sum(x * x)"))
    let edited = Self.message { try session.editing(0, to: text) }
    #expect(edited?.hasSuffix(": " + message) == true, "editor: \(edited ?? "accepted")")
  }

  @Test func aNudgeStopsAtTheLargestDouble() throws {
    let session = Session(program: try Program.parse("x = \(Double.greatestFiniteMagnitude)\ny = x * x"))
    let nudged = try session.nudging(0, by: 1e6)
    #expect(nudged.data(of: 0) == Tensor(Double.greatestFiniteMagnitude))
    #expect(try session.nudging(0, by: -1e6).data(of: 0)?.scalar?.isFinite == true)
  }

  /// The description of the error `body` throws, `nil` when it throws none.
  private static func message(_ body: () throws -> Any) -> String? {
    do {
      _ = try body()
      return nil
    } catch let error as ProgramError {
      return error.message
    } catch {
      return "\(error)"
    }
  }
}
