/*
 * A stand-in bcryptprimitives.dll for running the Windows build under Wine in tests only
 * (scripts/wine-smoke.sh); it is never shipped. Go's Windows runtime loads
 * bcryptprimitives.dll at start for ProcessPrng (its random source since Go 1.22), which
 * Debian 12's Wine 8 lacks; this one fills the buffer from RtlGenRandom (SystemFunction036,
 * in advapi32), which Wine has. Built with Debian's gcc-mingw-w64-x86-64:
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n)) {
			return FALSE;
		}
		data += n;
		length -= n;
	}
	return TRUE;
}
