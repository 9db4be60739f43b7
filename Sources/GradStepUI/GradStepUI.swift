import Autodiff
import Stepping
import TerminalUI
import Visualizer

/// Opens GradStep's interactive terminal on the graph that produced `output`, an `Autodiff` graph
/// built in Swift whose forward pass has run, and returns when the user quits.
///
/// The session steps through the forward pass in the order the functions ran, seeds
/// `output.grad`, then steps through the backward pass. It works in the graph's own variables but
/// leaves them as it found them: when it returns, every variable has the `grad` it had before the
/// call. An input edited in the session keeps its new value, and the variables that depend on it
/// hold data recomputed from it; without edits, every `data` is as before too.
///
/// - Parameters:
///   - output: The variable backward starts from.
///   - title: The name in the title line.
///   - options: Colour, line characters and where keys come from.
/// - Returns: How the session ended (``TerminalExit/exitCode`` is non-zero after a signal).
/// - Throws: ``TerminalError`` when standard input or output is not a usable terminal.
@discardableResult
public func visualize(
  _ output: Variable, title: String = "Swift graph", options: TerminalOptions = TerminalOptions()
) throws(TerminalError) -> TerminalExit {
  let state = CallerGraphState(of: output)
  defer { state.restore() }
  return try runInTerminal(app(for: output, title: title), options: options)
}

/// The screen GradStep shows for the graph that produced `output` after pressing `keys` (written
/// as for `gradstep --keys`: `"nnn"`, `"b<left>"`), as text of `rows` lines, without a terminal.
/// For tests of your own graphs: the same frame the interactive terminal would show.
///
/// The caller's graph is left as it was found, as ``visualize(_:title:options:)`` leaves it: every
/// `grad` is what it was before the call, so a `backward()` afterwards gives the same gradients as
/// on a graph never shown. An edit in `keys` (`<edit:x=1.5>`, `+`) keeps the edited input's new
/// value and recomputes the data that depends on it.
///
/// - Throws: ``KeyScriptError`` when `keys` names a key that does not exist.
public func snapshot(
  _ output: Variable, keys: String = "", size: (columns: Int, rows: Int) = (80, 24),
  title: String = "Swift graph", charset: Charset = .unicode
) throws(KeyScriptError) -> String {
  let keyList = try Key.parseScript(keys)
  let state = CallerGraphState(of: output)
  defer { state.restore() }
  var run = HeadlessRun(
    app: app(for: output, title: title), columns: size.columns, rows: size.rows, charset: charset)
  return run.finalFrame(keys: keyList).plainText()
}

/// Runs `app` full-screen on the terminal until the user quits (the loop `gradstep` runs).
///
/// - Throws: ``TerminalError`` when the terminal cannot be used.
public func runInTerminal(_ app: App, options: TerminalOptions = TerminalOptions()) throws(TerminalError)
  -> TerminalExit
{
  var interactive = InteractiveApp(app: app)
  return try TerminalUI.run(&interactive, options: options)
}

/// A fresh app stepping through the graph of `output`.
private func app(for output: Variable, title: String) -> App {
  App(state: AppState(session: Session(output: output), title: title), screen: Screen())
}
