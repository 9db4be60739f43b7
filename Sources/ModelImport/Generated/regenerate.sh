#!/bin/sh
# Regenerates onnx.pb.swift from onnx.proto. Nothing else edits the generated file.
#
# Needs: protoc (Debian: apt-get install protobuf-compiler) and swift-protobuf's plugin at the
# version Package.swift depends on (1.39.0): build it once from a checkout of
# https://github.com/apple/swift-protobuf with `swift build -c release --product protoc-gen-swift`
# and pass its path as PROTOC_GEN_SWIFT (default: protoc-gen-swift on PATH).
#
# onnx.proto is the file the `onnx` Python wheel ships (onnx/onnx.proto, proto2); to update it,
# copy the new one over this directory's copy, then run this script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin=${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift)}
protoc --plugin=protoc-gen-swift="$plugin" \
  --swift_opt=Visibility=Internal \
  --proto_path="$here" --swift_out="$here" "$here/onnx.proto"
echo "wrote $here/onnx.pb.swift"
