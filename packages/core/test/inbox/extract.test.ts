import { describe, expect, it } from 'vitest';
import { extractCode } from '../../src/inbox/extract';

const email = (subject: string | null, body: string) => ({ subject, body });

describe('extractCode: the code a person would type', () => {
  it.each([
    [
      'GitHub device verification',
      email(
        '[GitHub] Please verify your device',
        'Hey octocat!\n\nA sign in attempt requires further verification because we did not recognize your device.\n\nVerification code: 482913\n\nIf you did not attempt to sign in to your account, your password may be compromised.\n\nThanks,\nThe GitHub Team\n\nGitHub, Inc. 88 Colin P Kelly Jr Street, San Francisco, CA 94107',
      ),
      '482913',
    ],
    ['Google SMS with a G- prefix', email(null, 'G-719304 is your Google verification code.'), '719304'],
    [
      'Slack split code in subject and body',
      email(
        'Slack confirmation code: 123-456',
        "Confirm your email address\n\nYour confirmation code is below — enter it in your open browser window and we'll help you get signed in.\n\n123-456\n\nIf you didn't request this email, there's nothing to worry about.\n\nSlack Technologies, LLC, 500 Howard Street, San Francisco, CA 94105",
      ),
      '123456',
    ],
    [
      'Microsoft 7-digit security code',
      email(
        'Microsoft account security code',
        "Please use the following security code for the Microsoft account ab***@example.com.\n\nSecurity code: 4821957\n\nIf you don't recognize the Microsoft account ab***@example.com, you can click here to remove your email address from that account.\n\nThanks,\nThe Microsoft account team\n© 2024 Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
      ),
      '4821957',
    ],
    [
      'WhatsApp split with a space',
      email(null, "Your WhatsApp code: 381 274\n\nDon't share this code with others"),
      '381274',
    ],
    [
      'Uber 4-digit SMS',
      email(null, 'Your Uber code: 5521. Never share this code. Reply STOP ENDS to unsubscribe.'),
      '5521',
    ],
    [
      'Indian bank SMS among amounts, masked account, date and phone',
      email(
        null,
        'Rs. 2500.00 debited from A/c XX1234 on 05-01-2024 to VPA merchant@upi. OTP 604815 valid for 10 mins. Call 18001234567 if not you.',
      ),
      '604815',
    ],
    [
      'Apple origin-bound SMS',
      email(
        null,
        "Your Apple Account code is: 553920. Don't share it with anyone.\n\n@apple.com #553920 %apple.com",
      ),
      '553920',
    ],
    [
      'Stripe-style code on its own line after a date',
      email(
        'Your Stripe verification code',
        'Hi,\n\nOn March 5, 2024 at 10:42 you asked to sign in.\n\n  72016194\n\nThis code expires in 10 minutes.',
      ),
      '72016194',
    ],
    [
      'code that comes after a year and a price',
      email(
        'Welcome to Acme Pro (2025 plan, $1999/yr)',
        'Thanks for upgrading to the 2025 plan for $1999.\nYour login code is 660142.',
      ),
      '660142',
    ],
  ])('%s', (_name, message, code) => {
    expect(extractCode(message)).toBe(code);
  });
});

describe('extractCode: numbers that are not codes', () => {
  it.each([
    [
      'an order confirmation',
      email(
        'Your Amazon.com order #112-3456789-1234567',
        'Hello,\nThank you for shopping with us. Order # 112-3456789-1234567 placed on January 5, 2025.\nOrder Total: $1,234.56\nArriving Thursday.\nQuestions? Call 1-888-280-4331.',
      ),
    ],
    [
      'a welcome mail without any code',
      email('Welcome to Acme!', 'Thanks for signing up. Log in any time at https://acme.example/login.'),
    ],
    [
      'a receipt with an invoice number and a postal code',
      email(
        'Receipt from Example Cloud',
        'Invoice 20250117\nAmount paid: 49.00 USD\nCard ending in 4242\n\nExample Cloud Inc, 100 Main St, Austin, TX 78701',
      ),
    ],
    [
      'a meeting note with a year and a phone number',
      email('Call in 2025', 'Dial +1 (415) 555-0134 ext 2048 to join the kickoff.'),
    ],
    [
      'a copyright footer only',
      email('News', 'Read our latest updates.\n\n© 2024 Example Corp. All rights reserved.'),
    ],
  ])('%s', (_name, message) => {
    expect(extractCode(message)).toBeNull();
  });

  it('prefers the number the text calls a code over a standalone order number', () => {
    const message = email(
      'Confirm your order',
      'Order number:\n58213377\n\nTo confirm it, enter the verification code 402911.',
    );
    expect(extractCode(message)).toBe('402911');
  });
});
