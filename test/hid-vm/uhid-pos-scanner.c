/*
 * A virtual HID POS barcode scanner (usage page 0x8C) made through /dev/uhid, for the node-hid test that runs
 * inside the QEMU guest. Built static on the host (gcc -static), so the guest needs no C library for it.
 *
 * Commands on stdin, one per line; "ok <command>" on stdout when done, "error <reason>" when not:
 *   create <slot> <vid-hex> <pid-hex>   a new scanner (its own /dev/uhid handle) in slot 0..3
 *   input <slot> <hex> [<hex>…]         input reports back to back, report id first (02 len data… padding)
 *   destroy <slot>                      unplug the scanner
 *   quit
 * Kernel events are printed as "event <slot> start|stop|open|close" so the test can wait for the hidraw
 * node to be opened before sending scans (reports sent to nobody are lost, as on a real bus).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/uhid.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 4

/* Usage page 0x8C (bar code scanner), report id 2: 63 bytes = length byte + 62 data/padding bytes. */
static const unsigned char descriptor[] = {
    0x06, 0x8C, 0x00, /* Usage Page (Bar Code Scanner) */
    0x09, 0x02,       /* Usage (Bar Code Scanner) */
    0xA1, 0x01,       /* Collection (Application) */
    0x85, 0x02,       /*   Report ID (2) */
    0x09, 0x12,       /*   Usage (Scanned Data Report) */
    0x15, 0x00,       /*   Logical Minimum (0) */
    0x26, 0xFF, 0x00, /*   Logical Maximum (255) */
    0x75, 0x08,       /*   Report Size (8) */
    0x95, 0x3F,       /*   Report Count (63) */
    0x82, 0x02, 0x01, /*   Input (Data, Variable, Absolute, Buffered Bytes) */
    0xC0,             /* End Collection */
};

static int fds[SLOTS] = {-1, -1, -1, -1};

static int write_event(int fd, const struct uhid_event *ev) {
  ssize_t n = write(fd, ev, sizeof(*ev));
  return n == (ssize_t)sizeof(*ev) ? 0 : -1;
}

static int create(int slot, unsigned vid, unsigned pid) {
  if (fds[slot] >= 0) return -1;
  int fd = open("/dev/uhid", O_RDWR | O_CLOEXEC);
  if (fd < 0) return -1;
  struct uhid_event ev;
  memset(&ev, 0, sizeof(ev));
  ev.type = UHID_CREATE2;
  snprintf((char *)ev.u.create2.name, sizeof(ev.u.create2.name), "Kiosk Test HID POS Scanner %d", slot);
  snprintf((char *)ev.u.create2.phys, sizeof(ev.u.create2.phys), "uhid-test/%d", slot);
  memcpy(ev.u.create2.rd_data, descriptor, sizeof(descriptor));
  ev.u.create2.rd_size = sizeof(descriptor);
  ev.u.create2.bus = 0x03; /* BUS_USB */
  ev.u.create2.vendor = vid;
  ev.u.create2.product = pid;
  if (write_event(fd, &ev) < 0) {
    close(fd);
    return -1;
  }
  fds[slot] = fd;
  return 0;
}

static int destroy(int slot) {
  if (fds[slot] < 0) return -1;
  struct uhid_event ev;
  memset(&ev, 0, sizeof(ev));
  ev.type = UHID_DESTROY;
  write_event(fds[slot], &ev);
  close(fds[slot]);
  fds[slot] = -1;
  return 0;
}

/* Each space-separated hex word is one report, sent back to back as a scanner sends a long code. */
static int input(int slot, const char *hex) {
  if (fds[slot] < 0) return -1;
  while (*hex) {
    while (*hex == ' ') hex++;
    if (!*hex) break;
    struct uhid_event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = UHID_INPUT2;
    size_t n = 0;
    while (*hex && *hex != ' ') {
      unsigned byte;
      if (!hex[1] || sscanf(hex, "%2x", &byte) != 1 || n >= UHID_DATA_MAX) return -1;
      ev.u.input2.data[n++] = (unsigned char)byte;
      hex += 2;
    }
    ev.u.input2.size = (unsigned short)n;
    if (write_event(fds[slot], &ev) < 0) return -1;
  }
  return 0;
}

/* Answers what the kernel asks and reports what it tells, so a read() on hidraw never waits for us. */
static void kernel_event(int slot) {
  struct uhid_event ev;
  memset(&ev, 0, sizeof(ev));
  if (read(fds[slot], &ev, sizeof(ev)) <= 0) return;
  switch (ev.type) {
  case UHID_START: printf("event %d start\n", slot); break;
  case UHID_STOP: printf("event %d stop\n", slot); break;
  case UHID_OPEN: printf("event %d open\n", slot); break;
  case UHID_CLOSE: printf("event %d close\n", slot); break;
  case UHID_GET_REPORT: {
    struct uhid_event reply;
    memset(&reply, 0, sizeof(reply));
    reply.type = UHID_GET_REPORT_REPLY;
    reply.u.get_report_reply.id = ev.u.get_report.id;
    reply.u.get_report_reply.err = EIO;
    write_event(fds[slot], &reply);
    break;
  }
  case UHID_SET_REPORT: {
    struct uhid_event reply;
    memset(&reply, 0, sizeof(reply));
    reply.type = UHID_SET_REPORT_REPLY;
    reply.u.set_report_reply.id = ev.u.set_report.id;
    reply.u.set_report_reply.err = EIO;
    write_event(fds[slot], &reply);
    break;
  }
  default: break;
  }
  fflush(stdout);
}

static void command(char *line) {
  line[strcspn(line, "\r\n")] = 0;
  int slot = 0;
  unsigned vid = 0, pid = 0;
  int rc = -1;
  if (sscanf(line, "create %d %x %x", &slot, &vid, &pid) == 3 && slot >= 0 && slot < SLOTS) {
    rc = create(slot, vid, pid);
  } else if (sscanf(line, "destroy %d", &slot) == 1 && slot >= 0 && slot < SLOTS) {
    rc = destroy(slot);
  } else if (strncmp(line, "input ", 6) == 0 && sscanf(line, "input %d", &slot) == 1 && slot >= 0 && slot < SLOTS) {
    const char *hex = strchr(line + 6, ' ');
    rc = hex ? input(slot, hex + 1) : -1;
  } else if (strcmp(line, "quit") == 0) {
    for (int i = 0; i < SLOTS; i++) destroy(i);
    printf("ok quit\n");
    fflush(stdout);
    exit(0);
  }
  if (rc == 0) printf("ok %.40s\n", line);
  else printf("error %s: %.40s\n", strerror(errno ? errno : EINVAL), line);
  fflush(stdout);
  errno = 0;
}

int main(void) {
  static char line[8192];
  size_t used = 0;
  for (;;) {
    struct pollfd p[SLOTS + 1];
    p[0].fd = STDIN_FILENO;
    p[0].events = POLLIN;
    for (int i = 0; i < SLOTS; i++) {
      p[i + 1].fd = fds[i];
      p[i + 1].events = POLLIN;
    }
    if (poll(p, SLOTS + 1, -1) < 0) {
      if (errno == EINTR) continue;
      return 1;
    }
    for (int i = 0; i < SLOTS; i++)
      if (fds[i] >= 0 && (p[i + 1].revents & POLLIN)) kernel_event(i);
    if (p[0].revents & (POLLIN | POLLHUP)) {
      ssize_t n = read(STDIN_FILENO, line + used, sizeof(line) - 1 - used);
      if (n <= 0) break;
      used += (size_t)n;
      line[used] = 0;
      char *start = line, *nl;
      while ((nl = strchr(start, '\n')) != NULL) {
        *nl = 0;
        command(start);
        start = nl + 1;
      }
      used = strlen(start);
      memmove(line, start, used + 1);
      if (used >= sizeof(line) - 1) used = 0; /* a line too long for any report: drop it */
    }
  }
  for (int i = 0; i < SLOTS; i++) destroy(i);
  return 0;
}
