{
  # The engine addon: native/core + native/backends/cpu + native/binding, listed by
  # native/binding/sources.mjs (one list for the addon and the C++ tests).
  "targets": [
    {
      "target_name": "stridescope",
      "sources": ["<!@(node native/binding/sources.mjs all)"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti", "-std=gnu++17"],
      # x86-64-v2 baseline; AVX2 kernels are compiled per function and chosen at run time.
      "cflags_cc": ["-std=c++17", "-O3", "-fexceptions", "-frtti", "-fvisibility=hidden", "-pthread"],
      "conditions": [
        ["target_arch=='x64'", {"cflags_cc": ["-march=x86-64-v2"]}]
      ],
      "libraries": ["-ldl", "-lpthread"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "GCC_SYMBOLS_PRIVATE_EXTERN": "YES"
      },
      "msvs_settings": {"VCCLCompilerTool": {"ExceptionHandling": 1}}
    }
  ]
}
