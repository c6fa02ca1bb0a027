import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CloseCaseRequest {
  @ApiProperty({ enum: ['reached_25'] })
  @IsIn(['reached_25'])
  reason!: 'reached_25';
}
