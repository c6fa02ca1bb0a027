import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ScreeningNoteRequest {
  @ApiProperty({
    example: 'Spoke to the allocated social worker; family open to support',
    maxLength: 4000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}
