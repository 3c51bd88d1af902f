import { describe, expect, it } from 'vitest';
import { extractLink } from '../../src/inbox/link';

describe('extractLink: the verification link, not the footer', () => {
  it('picks the verify link among logo, social, help and unsubscribe links', () => {
    const body = [
      '[https://cdn.example.com/logo.png]',
      'Welcome to Example! Please confirm your email address by clicking the button below.',
      'Verify email [https://app.example.com/verify-email?token=9f8e7d6c5b4a39281706f5e4d3c2b1a0].',
      'Need help? https://example.com/help',
      'Follow us: https://twitter.com/example',
      'Unsubscribe: https://example.com/unsubscribe?u=123',
    ].join('\n');
    expect(extractLink({ subject: 'Confirm your email', body })).toBe(
      'https://app.example.com/verify-email?token=9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    );
  });

  it('finds a magic sign-in link whose path says nothing, from the words before it', () => {
    const body =
      'Click the link below to sign in to Linear:\n\nhttps://linear.app/m/aGVsbG8td29ybGQtdGhpcy1pcy1hLXRva2Vu\n\nThis link expires in 10 minutes.';
    expect(extractLink({ subject: 'Your login link for Linear', body })).toBe(
      'https://linear.app/m/aGVsbG8td29ybGQtdGhpcy1pcy1hLXRva2Vu',
    );
  });

  it('returns null when only homepage and footer links are present', () => {
    const body =
      'Our spring sale is on at https://shop.example.com\n\nPrivacy: https://shop.example.com/privacy';
    expect(extractLink({ subject: 'Spring sale', body })).toBeNull();
  });
});
