// Calendar maths of the board's clock (calendar.h).
#include "calendar.h"

#define SECONDS_PER_DAY (86400)

// Days since 1970-01-01 of a proleptic Gregorian date (valid for any year), counting in
// 400-year eras of 146097 days whose years start on 1 March.
static int64_t days_from_civil(int64_t year, int month, int day) {
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t year_of_era = year - era * 400;
    int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

// The inverse of days_from_civil.
static void civil_from_days(int64_t days, int64_t *year, int *month, int *day) {
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t day_of_era = days - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_index = (5 * day_of_year + 2) / 153;
    *day = day_of_year - (153 * month_index + 2) / 5 + 1;
    *month = month_index < 10 ? month_index + 3 : month_index - 9;
    *year = year_of_era + era * 400 + (*month <= 2);
}

void calendar_from_seconds(int64_t seconds, calendar_time_t *out) {
    int64_t days = seconds / SECONDS_PER_DAY;
    int64_t second_of_day = seconds % SECONDS_PER_DAY;
    if (second_of_day < 0) {
        second_of_day += SECONDS_PER_DAY;
        days -= 1;
    }
    civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = second_of_day / 3600;
    out->minute = second_of_day / 60 % 60;
    out->second = second_of_day % 60;
    int64_t weekday = (days + 3) % 7; // 1970-01-01 was a Thursday
    out->weekday = weekday < 0 ? weekday + 7 : weekday;
    out->yearday = days - days_from_civil(out->year, 1, 1) + 1;
}

int64_t calendar_to_seconds(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second) {
    int64_t month_index = month - 1;
    int64_t carry = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
    year += carry;
    month_index -= carry * 12;
    int64_t days = days_from_civil(year, month_index + 1, 1) + day - 1;
    return days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}
