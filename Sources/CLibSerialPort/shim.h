// The system's libserialport, for Swift: real serial ports, their enumeration and USB facts.
#include <libserialport.h>
