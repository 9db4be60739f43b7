// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "GradStep",
  products: [
    .library(name: "Autodiff", targets: ["Autodiff"]),
    .library(name: "GraphProgram", targets: ["GraphProgram"]),
    .library(name: "ModelImport", targets: ["ModelImport"]),
    .library(name: "GraphLayout", targets: ["GraphLayout"]),
    .library(name: "Stepping", targets: ["Stepping"]),
    .library(name: "Visualizer", targets: ["Visualizer"]),
    .library(name: "GradStepUI", targets: ["GradStepUI"]),
    .executable(name: "gradstep", targets: ["gradstep"]),
    .executable(name: "gradstep-bench", targets: ["gradstep-bench"]),
    .executable(name: "gradstep-swift-example", targets: ["gradstep-swift-example"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: [
    .target(name: "Autodiff"),
    .target(name: "GraphProgram", dependencies: ["Autodiff"]),
    .target(
      name: "ModelImport",
      dependencies: ["Autodiff", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
      exclude: ["Generated/onnx.proto", "Generated/regenerate.sh"]),
    .target(name: "GraphLayout"),
    .target(name: "Stepping", dependencies: ["Autodiff"]),
    .target(name: "Visualizer", dependencies: ["Autodiff", "Stepping", "GraphLayout"]),
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .target(name: "TerminalUI", dependencies: ["Visualizer", "CNcursesw"]),
    .target(name: "GradStepUI", dependencies: ["Autodiff", "Stepping", "Visualizer", "TerminalUI"]),
    .executableTarget(
      name: "gradstep",
      dependencies: [
        "Autodiff", "GraphProgram", "ModelImport", "Stepping", "Visualizer", "TerminalUI", "GradStepUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "gradstep-bench",
      dependencies: ["Autodiff", "GraphProgram", "GraphLayout", "Stepping", "Visualizer"],
      exclude: ["Scripts"]
    ),
    .executableTarget(name: "gradstep-swift-example", dependencies: ["Autodiff", "GradStepUI"]),
    .testTarget(
      name: "AutodiffTests",
      dependencies: [
        "Autodiff",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "GraphProgramTests", dependencies: ["GraphProgram"], exclude: ["TorchReference"]),
    .testTarget(name: "ModelImportTests", dependencies: ["ModelImport", "Autodiff"], exclude: ["Fixtures"]),
    .testTarget(name: "GraphLayoutTests", dependencies: ["GraphLayout"], exclude: ["Graphs"]),
    .testTarget(
      name: "VisualizerTests", dependencies: ["Stepping", "Visualizer", "GraphProgram", "ModelImport"],
      exclude: ["__Snapshots__", "Fixtures"]),
    .testTarget(name: "TerminalUITests", dependencies: ["Visualizer"]),
    .testTarget(name: "GradStepTests", dependencies: ["gradstep"]),
    .testTarget(name: "GradStepUIClientTests", dependencies: ["Autodiff", "GradStepUI"]),
  ]
)
