/// The mapping of one ONNX operator onto Autodiff functions: one type per operator, in a file of
/// its own under `Operators/`, listed in `OperatorRegistry`.
protocol OnnxOperator: SendableMetatype {
  /// The ONNX op type it maps (`Gemm`).
  static var opType: String { get }

  /// The node's output values for its inputs: calls Autodiff functions (which run the forward
  /// pass), or computes constants. Reads every attribute it supports from `node`, checks their
  /// values, and throws a located error for anything it cannot map.
  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value]
}

/// Every operator the importer maps, by ONNX op type.
enum OperatorRegistry {
  /// The mappings.
  static let operators: [any OnnxOperator.Type] = [
    AddOperator.self, SubOperator.self, MulOperator.self, DivOperator.self, PowOperator.self,
    NegOperator.self, SqrtOperator.self, ExpOperator.self, LogOperator.self, TanhOperator.self,
    SigmoidOperator.self, ReluOperator.self, LeakyReluOperator.self, ErfOperator.self, GeluOperator.self,
    SoftmaxOperator.self, LogSoftmaxOperator.self,
    MatMulOperator.self, GemmOperator.self,
    ReduceSumOperator.self, ReduceMeanOperator.self, ReduceMaxOperator.self,
    LayerNormalizationOperator.self,
    TransposeOperator.self, ReshapeOperator.self, FlattenOperator.self, SqueezeOperator.self,
    UnsqueezeOperator.self, ConcatOperator.self, SliceOperator.self, GatherOperator.self,
    ConstantOperator.self, ConstantOfShapeOperator.self, IdentityOperator.self, DropoutOperator.self,
    ShapeOperator.self, ExpandOperator.self, CastOperator.self, WhereOperator.self, TriluOperator.self,
    EqualOperator.self, LessOperator.self, GreaterOperator.self, AndOperator.self, OrOperator.self,
    NotOperator.self, ModOperator.self, SplitOperator.self, GlobalAveragePoolOperator.self,
    BatchNormalizationOperator.self, RNNOperator.self, GRUOperator.self, LSTMOperator.self, ClipOperator.self,
    HardSwishOperator.self, HardSigmoidOperator.self, EluOperator.self, SoftplusOperator.self,
    PReluOperator.self, InstanceNormalizationOperator.self, ResizeOperator.self, ConvTransposeOperator.self,
    SoftmaxCrossEntropyLossOperator.self, NegativeLogLikelihoodLossOperator.self, ReduceProdOperator.self,
    EinsumOperator.self,
    ConvOperator.self, MaxPoolOperator.self, AveragePoolOperator.self,
  ]

  /// The mapping of `opType`, if any.
  static func mapping(for opType: String) -> (any OnnxOperator.Type)? {
    byType[opType]
  }

  /// The supported op types, sorted, for the message about an unsupported one.
  static var supportedList: String { byType.keys.sorted().joined(separator: ", ") }

  private static let byType: [String: any OnnxOperator.Type] = Dictionary(
    uniqueKeysWithValues: operators.map { ($0.opType, $0) })
}
