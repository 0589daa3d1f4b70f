package com.paystream.scheme.bacsfile;

/**
 * Something wrong with a file: the record it is in (counted from 1, the VOL1 label being record 1; 0 for the file as a
 * whole), the field, and why.
 */
public record Problem(int record, String field, String reason) {
}
