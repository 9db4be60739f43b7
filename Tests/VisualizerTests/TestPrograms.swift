import GraphProgram

@testable import Stepping
@testable import Visualizer

/// Programs written inline for the screen tests, built as `gradstep` builds them.
enum TestPrograms {
  /// A small two-layer MLP: a MatMul, an Add that broadcasts `b1` (3,) over a batch of 4, and
  /// another that broadcasts `b2` (1,) over (4, 1).
  static let mlp = """
    X = [[0.5, -1.0], [1.5, 0.25], [-0.5, 0.75], [1.0, 1.0]]
    Y = [[1.0], [0.0], [0.5], [-1.0]]
    W1 = [[0.2, -0.4, 0.6], [0.1, 0.3, -0.5]]
    b1 = [0.05, -0.05, 0.1]
    W2 = [[0.7], [-0.3], [0.2]]
    b2 = [0.1]
    h = tanh(matmul(X, W1) + b1)
    p = matmul(h, W2) + b2
    loss = sum((p - Y)^2) / 4
    """

  /// The state at step 0 of `text`, titled `title`.
  static func state(_ text: String, title: String) throws -> AppState {
    AppState(program: try Program.parse(text), title: title)
  }

  /// The frames of `text` after `keys` (a key script), each with its header, from the frame after
  /// the key numbered `from` (1-based; 0 is the start frame).
  static func frames(
    _ text: String, title: String, keys: String, from: Int = 0, columns: Int = 80, rows: Int = 24
  ) throws -> String {
    var run = HeadlessRun(
      app: App(state: try state(text, title: title), screen: Screen()), columns: columns, rows: rows)
    return run.frames(keys: try Key.parseScript(keys)).dropFirst(from)
      .map { "── \($0.header)\n" + $0.frame.plainText() }.joined(separator: "\n")
  }
}
