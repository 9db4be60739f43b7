import Foundation
import GraphLayout
import Visualizer

/// W4 "layout": each `graphs/{chain,dag}_N.json` read, laid out and drawn as a first frame (see
/// `W4Frame`), timed as a whole process (`gradstep-bench w4-child`) as the peers time `dot`, and
/// in-process; next to `dot -Tplain` on the same graph's `.dot`, timed by the same spawner. Both
/// drawings' crossings are counted by `LayeredDrawing`'s rule.
enum W4Layout {
  /// One in-process run's results.
  struct Work {
    var input: LayoutInput
    var layout: Layout
    var frame: ScreenBuffer

    /// What a child prints and the parent compares: `boxes=… routes=… crossings=… inked=…`.
    var summary: String {
      "boxes=\(layout.boxes.count) routes=\(layout.routes.count) crossings=\(layout.crossings)"
        + " inked=\(W4Frame.inkedCells(frame))"
    }
  }

  /// The orientation of `graph`, as its `.dot` file has it: chains `rankdir=LR`, DAGs dot's TB.
  static func orientation(of graph: String) -> Orientation {
    graph == "chain" ? .leftToRight : .topToBottom
  }

  /// Reads, lays out and draws the graph at `path`; returns the work and the seconds of the three
  /// phases (read and decode, layout, draw).
  static func perform(_ path: String, orientation: Orientation) throws -> (Work, [Double]) {
    let (parse, file) = try timed { try GraphFile.read(path) }
    let input = W4Frame.input(file)
    let (layoutTime, layout) = try timed { try layoutGraph(input, options: W4Frame.options(orientation)) }
    let (draw, frame) = timed { W4Frame.draw(layout, labels: file.nodes.map(\.label)) }
    return (Work(input: input, layout: layout, frame: frame), [parse, layoutTime, draw])
  }

  /// The child's work, with the arguments after `w4-child`: `[--tb] FILE`. Prints the summary and
  /// returns the exit status.
  static func child(_ arguments: [String]) -> Int32 {
    let orientation: Orientation = arguments.first == "--tb" ? .topToBottom : .leftToRight
    guard let path = arguments.last, arguments.count == (orientation == .topToBottom ? 2 : 1) else {
      FileHandle.standardError.write(Data("usage: gradstep-bench w4-child [--tb] FILE\n".utf8))
      return 2
    }
    do {
      print(try perform(path, orientation: orientation).0.summary)
      return 0
    } catch {
      FileHandle.standardError.write(Data("w4-child: \(error)\n".utf8))
      return 1
    }
  }

  /// One side of a W4 comparison: how to run it once, and how its measurement becomes a line.
  private struct Side {
    var slowSeconds: Double
    var slowPhases = Int.max
    var runOnce: () throws -> [Double]
    var finish: (Result<(phases: [Double], runs: Int), any Error>) -> CaseResult
  }

  /// Measures each graph kind at each size in `sizes`: ours and dot, their runs taken in turn
  /// (`interleavedMedianRuns`), so that the machine's load reaches both alike.
  static func run(sizes: [Int], report: Report) {
    let setup = Result { (try GraphFiles(), try Spawner()) }
    defer { try? setup.get().1.cleanUp() }
    for graph in ["chain", "dag"] {
      for n in sizes {
        var base = JSONLine()
        base["workload"] = .string("W4")
        base["graph"] = .string(graph)
        base["n"] = .int(n)
        let name = "\(graph)_\(n)"
        var sides = [ours(graph: graph, name: name, base: base, setup: setup)]
        var dotLine = base
        dotLine["fw"] = .string("dot")
        if isOnPath("dot") {
          sides.append(dot(graph: graph, name: name, base: dotLine, setup: setup))
        }
        let measured = interleavedMedianRuns(sides.map { ($0.slowSeconds, $0.slowPhases, $0.runOnce) })
        for (side, result) in zip(sides, measured) { report.add(side.finish(result)) }
        if sides.count == 1 {
          dotLine["status"] = .string("unavailable")
          dotLine["error"] = .string("dot is not on PATH (apt-get install graphviz)")
          report.add(
            CaseResult(line: dotLine, label: "W4 \(name) dot -Tplain", summary: "unavailable: no dot on PATH")
          )
        }
      }
    }
  }

  private static func ours(
    graph: String, name: String, base: JSONLine, setup: Result<(GraphFiles, Spawner), any Error>
  ) -> Side {
    var line = base
    line["fw"] = .string("gradstep")
    let orientation = orientation(of: graph)
    line["orientation"] = .string(orientation == .leftToRight ? "LR" : "TB")
    var checked: Work?
    return Side(
      slowSeconds: 5, slowPhases: 1,
      runOnce: {
        let (files, spawner) = try setup.get()
        let path = try files.verified(name + ".json")
        let child = try spawner.runChecked(
          ownExecutable(), ["w4-child"] + (orientation == .topToBottom ? ["--tb"] : []) + [path])
        let (work, phases) = try perform(path, orientation: orientation)
        if checked == nil {
          try check(work, orientation: orientation)
          checked = work
        }
        let printed = child.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard printed == work.summary else {
          throw CheckFailure(
            description: "w4-child printed \(printed.debugDescription), in-process \(work.summary)")
        }
        return [child.seconds] + phases
      },
      finish: { measured in
        caseResult(base: line, label: "W4 \(name) gradstep", measured: measured) { line, phases in
          let inProcess = phases.dropFirst().reduce(0, +)
          line["ms"] = .double(rounded(phases[0] * 1e3, places: 1))
          line["in_process_ms"] = .double(rounded(inProcess * 1e3, places: 3))
          for (name, seconds) in zip(["parse_ms", "layout_ms", "draw_ms"], phases.dropFirst()) {
            line[name] = .double(rounded(seconds * 1e3, places: 3))
          }
          guard let work = checked else { return "" }
          line["crossings"] = .int(work.layout.crossings)
          line["boxes"] = .int(work.layout.boxes.count)
          line["routes"] = .int(work.layout.routes.count)
          line["layout_size"] = .string("\(work.layout.width)x\(work.layout.height)")
          line["inked_cells"] = .int(W4Frame.inkedCells(work.frame))
          return
            "\(formatted(phases[0] * 1e3)) ms whole process (in-process \(formatted(inProcess * 1e3, places: 2)) ms),"
            + " \(work.layout.crossings) crossings"
        }
      })
  }

  /// Throws unless the layout passes `LayoutChecks`, its crossings recounted from its geometry equal
  /// `Layout.crossings`, and the frame shows something.
  private static func check(_ work: Work, orientation: Orientation) throws {
    try LayoutChecks.check(work.layout, work.input)
    let recount = try LayoutChecks.recount(work.layout, work.input, orientation: orientation)
    guard recount == work.layout.crossings else {
      throw CheckFailure(
        description: "Layout.crossings is \(work.layout.crossings), its geometry has \(recount)")
    }
    guard W4Frame.inkedCells(work.frame) > 0 else { throw CheckFailure(description: "the frame is blank") }
  }

  private static func dot(
    graph: String, name: String, base: JSONLine, setup: Result<(GraphFiles, Spawner), any Error>
  ) -> Side {
    var crossings: Int?
    return Side(
      slowSeconds: 5,
      runOnce: {
        let (files, spawner) = try setup.get()
        let run = try spawner.runChecked("dot", ["-Tplain", try files.verified(name + ".dot")])
        if crossings == nil {
          let file = try GraphFile.read(try files.verified(name + ".json"))
          crossings = try DotPlain.drawing(
            run.output, nodeCount: file.nodes.count, edgeCount: file.edges.count,
            leftToRight: orientation(of: graph) == .leftToRight
          ).crossings()
        }
        return [run.seconds]
      },
      finish: { measured in
        caseResult(base: base, label: "W4 \(name) dot -Tplain", measured: measured) { line, phases in
          line["ms"] = .double(rounded(phases[0] * 1e3, places: 1))
          line["crossings"] = crossings.map { .int($0) }
          return "\(formatted(phases[0] * 1e3)) ms whole process, \(crossings ?? -1) crossings"
        }
      })
  }
}
