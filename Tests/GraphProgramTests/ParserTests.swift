import Autodiff
import GraphProgram
import Testing

/// The language: precedence, associativity, literals, calls, names, output and overrides.
@Suite struct ParserTests {
  /// The output's value of `text` as a scalar.
  func value(_ text: String) throws -> Double {
    try #require(try Program.parse(text).output.data.scalar)
  }

  /// The ops of `text` in evaluation order, as `Name:variable` pairs.
  func ops(_ text: String) throws -> [String] {
    try Program.parse(text).variables.compactMap { variable in
      variable.creator.map { "\($0.name):\(variable.name ?? "?")" }
    }
  }

  @Test func multiplicationBindsTighterThanAddition() throws {
    #expect(try value("x = 2\ny = x + x * 3") == 8)
    #expect(try value("x = 2\ny = (x + x) * 3") == 12)
    #expect(try ops("x = 2\ny = x + x * 3") == ["Mul:y#1", "Add:y"])
  }

  @Test func subtractionAndDivisionAreLeftAssociative() throws {
    #expect(try value("x = 10\ny = x - 3 - 2") == 5)
    #expect(try value("x = 100\ny = x / 5 / 2") == 10)
  }

  @Test func powerIsRightAssociativeAndBindsTighterThanUnaryMinus() throws {
    #expect(try value("x = 3\ny = -x^2") == -9)
    #expect(try ops("x = 3\ny = -x^2") == ["Pow:y#1", "Neg:y"])
    #expect(try value("x = 2\ny = x ^ 3 ^ 2") == 512)
    let program = try Program.parse("x = 2\ny = x ^ 3 ^ 2")
    #expect((program.output.creator as? Pow)?.exponent == 9)
    #expect(try value("x = 4\ny = x ^ -1") == 0.25)
    #expect(try value("x = 4\ny = x ^ (1/2)") == 2)
    #expect(try value("x = 1\ny = 2 ^ 3 * x") == 8)
    #expect(try value("x = 1\ny = x * -2 ^ 2") == -4)
  }

  @Test func unaryMinus() throws {
    #expect(try value("x = 3\ny = -x * 2") == -6)
    #expect(try value("x = 3\ny = - -x + 1") == 4)
    #expect(try ops("x = 3\ny = -x * 2") == ["Neg:y#1", "Mul:y"])
  }

  /// Constants are named after their statement, never by their value: two `2`s are two names
  /// (JSON keeps them apart, and the screen never prints `2.grad`).
  @Test func numbersInExpressionsBecomeConstantLeavesNamedAfterTheirStatement() throws {
    let program = try Program.parse("x = 1\ny = 2 * x + 1e-3 - -0.5\nz = 2 * y + 2")
    let constants = program.variables.filter { $0.creator == nil && $0.name != "x" }
    #expect(constants.map(\.name) == ["y#c1", "y#c2", "y#c3", "z#c1", "z#c2"])
    #expect(Set(constants.compactMap(\.name)).count == constants.count)
    let program2 = try Program.parse("x = 1\ny = 2 * x + 1e-3 - -0.5")
    let constants2 = program2.variables.filter { $0.creator == nil && $0.name != "x" }
    #expect(constants2.map(\.data) == [Tensor(2), Tensor(0.001), Tensor(-0.5)])
    #expect(program2.inputs.map(\.name) == ["x"])
  }

  @Test func numbersInExpressionsKeepTheirValues() throws {
    let program = try Program.parse("x = 1\ny = 2 * x + 1e-3 - -0.5")
    let constants = program.variables.filter { $0.creator == nil && $0.name != "x" }
    #expect(constants.map(\.data) == [Tensor(2), Tensor(0.001), Tensor(-0.5)])
    #expect(program.inputs.map(\.name) == ["x"])
  }

  @Test func subExpressionsAreNamedAfterTheirStatementInEvaluationOrder() throws {
    let text = "x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.88\no = tanh(x1*w1 + x2*w2 + b)\np = exp(o) * o"
    #expect(
      try ops(text) == ["Mul:o#1", "Mul:o#2", "Add:o#3", "Add:o#4", "Tanh:o", "Exp:p#1", "Mul:p"])
    let program = try Program.parse(text)
    #expect(
      program.variables.compactMap(\.name).filter { $0.contains("#") } == ["o#1", "o#2", "o#3", "o#4", "p#1"])
  }

  @Test func commentsAndSemicolons() throws {
    let program = try Program.parse("# a program\nx = 1 # the input\n\n;;a = exp(x); b = sin(a);  # two\n")
    #expect(program.functionsInStatementOrder.map(\.name) == ["Exp", "Sin"])
    #expect(program.output.name == "b")
  }

  @Test func everyKindOfLineBreakEndsALine() throws {
    #expect(try Program.parse("x = 1\r\ny = exp(x)\r\n").output.name == "y")
    #expect(try Program.parse("x = 1\ry = exp(x)").output.name == "y")
  }

  @Test func listLiterals() throws {
    let program = try Program.parse(
      "s = -2.5e1\nv = [1, -2, 3e-1]\nW = [[1, 2], [3, 4], [5, 6]]\nT = [[[1], [2]]]\ne = []\ny = sum(W)")
    let values = program.inputs.map(\.variable.data)
    #expect(values[0] == Tensor(-25))
    #expect(values[1] == Tensor([1, -2, 0.3]))
    #expect(values[2] == Tensor([[1, 2], [3, 4], [5, 6]]))
    #expect(values[3] == Tensor(shape: [1, 2, 1], scalars: [1, 2]))
    #expect(values[4] == Tensor(shape: [0], scalars: []))
    #expect(program.output.data == Tensor(21))
  }

  @Test func callsWithShapeAndAxisArguments() throws {
    let prelude = "v = [1, 2, 3, 4, 5, 6]\nW = [[1, 2, 3], [4, 5, 6]]\n"
    func shape(_ expression: String) throws -> [Int] {
      try Program.parse(prelude + "y = " + expression).output.shape
    }
    #expect(try shape("reshape(v, 2, -1)") == [2, 3])
    #expect(try shape("reshape(sum(v), 1, 1)") == [1, 1])
    #expect(try shape("sum(W)") == [])
    #expect(try shape("sum(W, 0)") == [3])
    #expect(try shape("sum(W, -1)") == [2])
    #expect(try shape("sum(W, 1, keepdims)") == [2, 1])
    #expect(try shape("sum(W, keepdims)") == [1, 1])
    #expect(try shape("sum(W, 0, 1)") == [])
    #expect(try shape("transpose(W)") == [3, 2])
    #expect(try shape("transpose(W, 1, 0)") == [3, 2])
    #expect(try shape("sum_to(W, 1, 3)") == [1, 3])
    #expect(try shape("broadcast_to(sum(v, keepdims), 2, 3)") == [2, 3])
    #expect(try shape("matmul(W, transpose(W))") == [2, 2])
  }

  @Test func everyFunctionIsCallableByName() throws {
    let calls = [
      "square(x)": "Square", "exp(x)": "Exp", "sin(x)": "Sin", "cos(x)": "Cos", "tanh(x)": "Tanh",
      "log(x)": "Log", "sqrt(x)": "Sqrt", "sigmoid(x)": "Sigmoid", "relu(x)": "ReLU", "neg(x)": "Neg",
      "pow(x, 3)": "Pow", "add(x, x)": "Add", "sub(x, x)": "Sub", "mul(x, x)": "Mul", "div(x, x)": "Div",
      "matmul(v, v)": "MatMul", "sum(v)": "Sum", "sum_to(v, 1)": "SumTo", "broadcast_to(x, 2)": "BroadcastTo",
      "reshape(v, 2)": "Reshape", "transpose(v)": "Transpose",
    ]
    for (call, name) in calls {
      let program = try Program.parse("x = 0.5\nv = [1, 2]\ny = " + call)
      #expect(program.output.creator?.name == name, "\(call)")
    }
  }

  @Test func outputLinePicksTheOutputAnywhereInTheProgram() throws {
    let program = try Program.parse("output a\nx = 1\na = exp(x)\nb = sin(a)")
    #expect(program.output.name == "a")
    #expect(program.functionsInStatementOrder.map(\.name) == ["Exp", "Sin"])
  }

  @Test func aNameCalledOutputCanStillBeAssigned() throws {
    #expect(try Program.parse("x = 1\noutput = exp(x)").output.name == "output")
  }

  @Test func overridesReplaceInputValues() throws {
    let program = try Program.parse("x = 0.5\ny = square(x)", overrides: ["x": Tensor(3)])
    #expect(program.inputs[0].variable.data == Tensor(3))
    #expect(program.output.data == Tensor(9))
    let other = try Program.parse("v = [1, 2]\ny = sum(v)", overrides: ["v": Tensor([5, 7])])
    #expect(other.output.data == Tensor(12))
    #expect(throws: ProgramError.self) {
      try Program.parse("v = [1, 2]\ny = sum(v)", overrides: ["v": Tensor([1, 2, 3])])
    }
  }

  @Test func overrideArguments() throws {
    #expect(try Program.parseOverride("x=0.7") == ("x", Tensor(0.7)))
    #expect(try Program.parseOverride(" x = -1e-3 ") == ("x", Tensor(-0.001)))
    #expect(try Program.parseOverride("v=[1,2]") == ("v", Tensor([1, 2])))
    #expect(try Program.parseOverride("W=[[1, 2], [3, -4]]") == ("W", Tensor([[1, 2], [3, -4]])))
  }

  @Test func bytesAreDecodedAsUTF8() throws {
    let program = try Program.parse(bytes: Array("x = 0.5\nθ = exp(x)".utf8))
    #expect(program.output.name == "θ")
  }

  @Test func nonFiniteResultsAreNotErrors() throws {
    let program = try Program.parse("x = -1\ny = log(x)\nz = y / 0")
    #expect(program.variable(named: "y")!.data.scalar!.isNaN)
    #expect(program.output.data.scalar!.isNaN)
  }

  @Test func rebuildRunsTheProgramOnNewInputs() throws {
    let program = try Program.parse("x = 0.5\ny = 3\nz = x * y")
    let (x, y) = (Variable(2.0), Variable(5.0))
    let z = program.rebuild(with: [x, y])
    #expect(z.data == Tensor(10))
    #expect(z.name == "z")
    z.backward()
    #expect(x.grad == Tensor(5))
    #expect(program.output.data == Tensor(1.5))
  }

  @Test func unusedStatementsStillRun() throws {
    let program = try Program.parse("x = 1\na = exp(x)\ny = sin(x)\noutput y")
    #expect(program.functionsInStatementOrder.map(\.name) == ["Exp", "Sin"])
  }

  @Test func nestingJustBelowTheLimitWorks() throws {
    let depth = 120
    let parens = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    #expect(try value("x = 2\ny = 1 * " + parens) == 2)
    let calls = String(repeating: "neg(", count: depth) + "x" + String(repeating: ")", count: depth)
    #expect(try value("x = 2\ny = " + calls) == 2)
    #expect(try value("x = 2\ny = " + String(repeating: "- ", count: depth) + "x") == 2)
    #expect(try value("x = 2\ny = x" + String(repeating: " ^ 1", count: depth)) == 2)
    let list = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
    #expect(try Program.parse("v = " + list + "\ny = sum(v)").output.data == Tensor(1))
  }

  @Test func longFlatExpressionsNeedNoRecursion() throws {
    let terms = Array(repeating: "x", count: 20_000).joined(separator: " + ")
    let program = try Program.parse("x = 1\ny = " + terms)
    #expect(program.output.data == Tensor(20_000))
    #expect(program.functionsInStatementOrder.count == 19_999)
  }

  /// Issue #10's fan-out: a 200,000-term sum on one line parses without deep recursion, every
  /// term a use of the same `x`.
  @Test func aTwoHundredThousandTermSumOnOneLine() throws {
    let program = try Program.parse("x = 0.5\ny = x" + String(repeating: " + x", count: 199_999))
    #expect(program.functionsInStatementOrder.count == 199_999)
    #expect(program.output.data == Tensor(100_000))
    #expect(program.variable(named: "y#199998") != nil)
    program.output.backward()
    #expect(program.inputs[0].variable.grad == Tensor(200_000))
  }
}
