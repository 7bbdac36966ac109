//===- BigStack.cpp - Running gradc on a thread with a large stack --------===//
//
// As clang's driver runs cc1 on a thread of its own stack size. The
// overflow handler runs on an alternate signal stack (the thread's own is
// exhausted) and tells an overflow from any other fault by the address:
// only a fault in the guard pages just below the stack is one.
//
//===----------------------------------------------------------------------===//
#include "BigStack.h"

#include <utility> // before thread.h, which needs std::exchange

#include "llvm/Support/thread.h"

#include <csignal>
#include <cstdint>
#include <cstring>
#include <optional>
#include <unistd.h>

// Under AddressSanitizer, which reports an overflow itself and owns each
// thread's alternate signal stack (it unmaps it when the thread ends), the
// handler is not installed.
#if defined(__SANITIZE_ADDRESS__)
#define GRADC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADC_ASAN 1
#endif
#endif

namespace gradc::tool {

namespace {

std::uintptr_t StackLow = 0; ///< The lowest usable address, roughly.
const char *(*CurrentInput)() = nullptr;

void say(const char *S) {
  ssize_t Ignored = write(STDERR_FILENO, S, std::strlen(S));
  (void)Ignored;
}

void onFault(int Sig, siginfo_t *Info, void *) {
  auto Addr = reinterpret_cast<std::uintptr_t>(Info->si_addr);
  // Guard pages below the stack, and a margin for frames that skip them.
  constexpr std::uintptr_t Margin = 1u << 20;
  if (StackLow == 0 || Addr + Margin < StackLow || Addr > StackLow + Margin) {
    // Not an overflow: die of the signal as gradc would have.
    signal(Sig, SIG_DFL);
    raise(Sig);
    return;
  }
  say("gradc: error: ");
  if (const char *In = CurrentInput ? CurrentInput() : nullptr) {
    say(In);
    say(": ");
  }
  say("nested too deeply: gradc ran out of stack space; split the deepest "
      "expression into several statements\n");
  _exit(1);
}

void guardThisThread() {
#ifdef GRADC_ASAN
  return;
#endif
  // The handler's own stack; the thread's is full when it runs.
  static char AltStack[1 << 16];
  stack_t SS = {};
  SS.ss_sp = AltStack;
  SS.ss_size = sizeof(AltStack);
  sigaltstack(&SS, nullptr);
  struct sigaction SA = {};
  SA.sa_sigaction = onFault;
  SA.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&SA.sa_mask);
  sigaction(SIGSEGV, &SA, nullptr);
  sigaction(SIGBUS, &SA, nullptr);
}

} // namespace

int runOnBigStack(const std::function<int()> &Main, const char *(*Input)()) {
  CurrentInput = Input;
  int Status = 0;
  llvm::thread T(std::optional<unsigned>(BigStackSize), [&] {
    char Here;
    StackLow = reinterpret_cast<std::uintptr_t>(&Here) - BigStackSize;
    guardThisThread();
    Status = Main();
  });
  T.join();
  return Status;
}

} // namespace gradc::tool
