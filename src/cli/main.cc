// entente command-line entry point (placeholder until the CLI lands).
#include <cstdio>

int main() {
  std::printf("entente %s\n", ENTENTE_VERSION);
  return 0;
}
