// Decodes one MS-Numpress stream (raw bytes on stdin) with the reference library libmsnumpress
// (Debian libmsnumpress-dev) and prints the values, one per line, to 17 significant digits.
// Built and run by scripts/make-ms-reader-fixtures.py:  g++ -O1 -o numpress-ref THIS -lmsnumpress
#include <libmsnumpress/MSNumpress.hpp>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <vector>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  std::vector<unsigned char> data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::vector<double> out;
  using namespace ms::numpress::MSNumpress;
  if (!strcmp(argv[1], "linear")) decodeLinear(data, out);
  else if (!strcmp(argv[1], "pic")) decodePic(data, out);
  else if (!strcmp(argv[1], "slof")) decodeSlof(data, out);
  else return 2;
  for (double v : out) printf("%.17g\n", v);
  return 0;
}
