import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class AllocateKeyWorkerRequest {
  @ApiProperty({ example: 'worker-017', description: 'The worker’s user id', maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, {
    message: 'workerId must be 1 to 100 letters, digits or . _ @ -',
  })
  workerId!: string;

  @ApiProperty({ example: 'Robin Keyworker', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  workerName!: string;
}
