// qstrs whose text cannot be spelled in an MP_QSTR_ name.
// *FORMAT-OFF*
Q(/)
Q(/lib)
