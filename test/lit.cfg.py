# lit configuration for gradc. Loaded by the generated lit.site.cfg.py.
import os
import shutil
import sys

import lit.formats
import lit.llvm

config.name = "gradc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp"]
config.excludes = ["Inputs", "unit", "support"]
config.test_source_root = os.path.join(config.gradc_src_root, "test", "lit")
config.test_exec_root = os.path.join(config.gradc_obj_root, "test", "lit")

lit.llvm.initialize(lit_config, config)
from lit.llvm import llvm_config  # noqa: E402 (set by initialize)

llvm_config.use_default_substitutions()  # FileCheck, not, count
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

include = os.path.join(config.gradc_src_root, "include")
support = os.path.join(config.gradc_src_root, "test", "support")
flags = "-std=c++17 -Wall -Wextra -Werror -I{} -I{}".format(include, support)
# In a sanitized build the generated code runs under the sanitizers too.
if getattr(config, "gradc_sanitize", False):
    flags += " -fsanitize=address,undefined -fno-sanitize-recover=all"
    config.available_features.add("sanitize")
clangxx = os.path.join(config.llvm_tools_dir, "clang++")

config.substitutions.append(("%gradc", os.path.join(config.gradc_tools_dir, "gradc")))
config.substitutions.append(("%cxx", "g++ " + flags))
config.substitutions.append(("%clangxx", clangxx + " " + flags))
config.substitutions.append(("%src_root", config.gradc_src_root))
config.substitutions.append(("%python", sys.executable))

if shutil.which("dot"):
    config.available_features.add("graphviz")

clang_format = shutil.which("clang-format-19")
if clang_format:
    config.available_features.add("clang-format")
    config.substitutions.append(("%clang_format", clang_format))
