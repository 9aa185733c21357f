// Calendar maths of the board's clock: UTC, proleptic Gregorian, epoch 1970 (modtime.c,
// machine_rtc.c).
#ifndef MICROPY_INCLUDED_MPSIM_CALENDAR_H
#define MICROPY_INCLUDED_MPSIM_CALENDAR_H

#include <stdint.h>

typedef struct _calendar_time_t {
    int64_t year;
    int month;   // 1..12
    int day;     // 1..31
    int hour;
    int minute;
    int second;
    int weekday; // 0 = Monday
    int yearday; // 1..366
} calendar_time_t;

// The date and time `seconds` after 1970-01-01 00:00:00 UTC.
void calendar_from_seconds(int64_t seconds, calendar_time_t *out);

// Seconds since 1970-01-01 00:00:00 UTC of a date and time whose out-of-range fields carry
// into the next larger one (month 13 is January of the next year, day 0 the day before 1).
int64_t calendar_to_seconds(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second);

#endif // MICROPY_INCLUDED_MPSIM_CALENDAR_H
